using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace RemoteGuidanceTraining.Courses.Markdown;

/// <summary>
/// Renders `:::: quiz id` and `::: task id` as empty placeholders that the site fills per participant
/// (their answers, attempts and feedback cannot be baked into shared HTML). Questions live inside quizzes.
/// </summary>
internal sealed class PlaceholderContainerRenderer : HtmlObjectRenderer<CustomContainer>
{
    protected override void Write(HtmlRenderer renderer, CustomContainer container)
    {
        var kind = container.Info;
        var id = ContainerArguments.Parse(container.Arguments).Id;
        if (kind is "quiz" or "task")
        {
            renderer.Write($"<div class=\"rgt-{kind}\" data-{kind}-id=\"").WriteEscape(id).Write("\"></div>").WriteLine();
        }
    }

    /// <summary>The placeholder as it stands in the lesson's HTML (ids are plain a-z, 0-9 and '-': nothing to escape).</summary>
    public static string Markup(string kind, string id) => $"<div class=\"rgt-{kind}\" data-{kind}-id=\"{id}\"></div>";
}
