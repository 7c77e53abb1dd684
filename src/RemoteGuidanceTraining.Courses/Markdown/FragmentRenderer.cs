using System.Net;
using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace RemoteGuidanceTraining.Courses.Markdown;

/// <summary>Renders parts of a parsed lesson (a question's prompt, one option) to sanitised HTML or plain text.</summary>
internal static partial class FragmentRenderer
{
    public static string Blocks(IEnumerable<Block> blocks, string language)
    {
        using var writer = new StringWriter();
        var renderer = CoursePipeline.CreateRenderer(writer, language);
        foreach (var block in blocks)
        {
            renderer.Render(block);
        }

        return CoursePipeline.Sanitize(writer.ToString().Trim());
    }

    public static string Inlines(LeafBlock leaf, string language)
    {
        using var writer = new StringWriter();
        var renderer = CoursePipeline.CreateRenderer(writer, language);
        renderer.WriteLeafInline(leaf);
        return CoursePipeline.Sanitize(writer.ToString().Trim());
    }

    public static string PlainText(string html) => WebUtility.HtmlDecode(Tags().Replace(html, " ")).Trim();

    public static int CountWords(string html) => Words().Count(PlainText(html));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*")]
    private static partial Regex Words();
}
