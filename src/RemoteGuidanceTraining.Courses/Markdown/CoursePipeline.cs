using Ganss.Xss;
using Markdig;
using Markdig.Extensions.Alerts;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;

namespace RemoteGuidanceTraining.Courses.Markdown;

/// <summary>
/// The one Markdig pipeline (built once; Markdig pipelines are thread-safe) and the sanitiser every piece of
/// author HTML passes through, so raw HTML in a lesson can never run script in a participant's browser.
/// </summary>
internal static class CoursePipeline
{
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseGridTables()
        .UseFootnotes()
        .UseTaskLists()
        .UseAlertBlocks()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseCustomContainers()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseListExtras()
        .Build();

    private static readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    /// <summary>A renderer whose quiz, question and task containers become placeholders for the site's forms.</summary>
    /// <param name="writer">Where the HTML goes.</param>
    /// <param name="language">The course's language: callout titles ("Huomio", "Obs", "Note") are written in it.</param>
    public static HtmlRenderer CreateRenderer(TextWriter writer, string language)
    {
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<HtmlCustomContainerRenderer>(new PlaceholderContainerRenderer());
        if (renderer.ObjectRenderers.FindExact<AlertBlockRenderer>() is { } alerts)
        {
            alerts.RenderKind = (html, kind) => html.WriteEscape(CalloutTitles.For(language, kind.ToString()));
        }

        return renderer;
    }

    public static string Sanitize(string html) => _sanitizer.Sanitize(html);

    /// <summary>
    /// Puts each table in a box that scrolls sideways on a narrow screen and can take keyboard focus, so that
    /// keyboard users can scroll it too. Applied after sanitising: the wrapper is ours, not the author's.
    /// </summary>
    public static string WrapTables(string html) => html
        .Replace("<table>", "<div class=\"table-wrap\" tabindex=\"0\"><table>", StringComparison.Ordinal)
        .Replace("</table>", "</table></div>", StringComparison.Ordinal);

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowDataAttributes = true;
        foreach (var attribute in new[] { "class", "id", "rel", "aria-hidden", "aria-label", "role", "start" })
        {
            sanitizer.AllowedAttributes.Add(attribute);
        }

        foreach (var tag in new[] { "section", "figure", "figcaption", "details", "summary" })
        {
            sanitizer.AllowedTags.Add(tag);
        }

        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("textarea");
        sanitizer.AllowedTags.Remove("select");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("style");
        return sanitizer;
    }
}
