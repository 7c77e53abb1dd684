using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Web.Pages.Courses;

/// <summary>
/// The engine's <see cref="Lesson.Segments"/> as the workspace preview and walk-through render them: HTML, or the
/// kind and id of a quiz or task form.
/// </summary>
public static class LessonSegments
{
    public static IEnumerable<Segment> Split(Lesson lesson) => lesson.Segments.Select(s =>
        s.Quiz is { } quiz ? new Segment(null, "quiz", quiz.Id)
        : s.Task is { } task ? new Segment(null, "task", task.Id)
        : new Segment(s.Html, null, null));

    /// <param name="Html">Lesson HTML (already sanitised by the engine), or null for a form.</param>
    /// <param name="Kind">"quiz" or "task".</param>
    /// <param name="Id">The quiz or task id.</param>
    public sealed record Segment(string? Html, string? Kind, string? Id);
}
