using System.Text.RegularExpressions;

namespace RemoteGuidanceTraining.Web.Pages.Courses;

/// <summary>
/// Splits a lesson's rendered HTML at the engine's quiz and task placeholders, so the page can put the
/// participant's own forms there.
/// </summary>
public static partial class LessonSegments
{
    public static IEnumerable<Segment> Split(string html)
    {
        var position = 0;
        foreach (Match match in Placeholder().Matches(html))
        {
            yield return new Segment(html[position..match.Index], null, null);
            yield return new Segment(null, match.Groups[1].Value, match.Groups[2].Value);
            position = match.Index + match.Length;
        }

        yield return new Segment(html[position..], null, null);
    }

    [GeneratedRegex("<div class=\"rgt-(quiz|task)\" data-(?:quiz|task)-id=\"([a-z0-9-]+)\"></div>")]
    private static partial Regex Placeholder();

    /// <param name="Html">Lesson HTML (already sanitised by the engine), or null for a form.</param>
    /// <param name="Kind">"quiz" or "task".</param>
    /// <param name="Id">The quiz or task id.</param>
    public sealed record Segment(string? Html, string? Kind, string? Id);
}
