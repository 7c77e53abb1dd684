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
internal static partial class CoursePipeline
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
    /// keyboard users can scroll it too. A focusable box is a named region ("Taulukko 2", in the course's language),
    /// so a screen reader says what the focus landed on. Applied after sanitising: the wrapper is ours, not the author's.
    /// </summary>
    public static string WrapTables(string html, string language)
    {
        var word = TableWords.GetValueOrDefault(language, "Table");
        var number = 0;
        return TableStart().Replace(html, _ => $"<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{word} {++number}\"><table>")
            .Replace("</table>", "</table></div>", StringComparison.Ordinal);
    }

    private static readonly Dictionary<string, string> TableWords = new() { ["fi"] = "Taulukko", ["sv"] = "Tabell", ["en"] = "Table" };

    [System.Text.RegularExpressions.GeneratedRegex("<table>")]
    private static partial System.Text.RegularExpressions.Regex TableStart();

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
