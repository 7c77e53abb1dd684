using System.Text.RegularExpressions;
using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Web.Pages.Courses;

/// <summary>
/// Kept only for the workspace preview (Trainer/Workspace/_PreviewLesson), which still passes HTML; the lesson page
/// reads the engine's <see cref="Lesson.Segments"/>. When the preview calls <see cref="Split(Lesson)"/> (or reads
/// <c>lesson.Segments</c> itself), the HTML overload and its pattern go.
/// </summary>
public static partial class LessonSegments
{
    public static IEnumerable<Segment> Split(Lesson lesson) => lesson.Segments.Select(s =>
        s.Quiz is { } quiz ? new Segment(null, "quiz", quiz.Id)
        : s.Task is { } task ? new Segment(null, "task", task.Id)
        : new Segment(s.Html, null, null));

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
