using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses.Markdown;

/// <summary>
/// Cuts a rendered lesson at the placeholders of its own quizzes and tasks, so the site puts its forms there without
/// reading the HTML. Done after sanitising, on the exact markup <see cref="PlaceholderContainerRenderer"/> wrote.
/// </summary>
internal static class LessonSegmenter
{
    public static IReadOnlyList<LessonSegment> Split(string html, IReadOnlyList<Quiz> quizzes, IReadOnlyList<CourseTask> tasks)
    {
        var places = quizzes.SelectMany(q => Occurrences(html, PlaceholderContainerRenderer.Markup("quiz", q.Id)).Select(at => (at.Index, at.Length, Segment: LessonSegment.Of(q))))
            .Concat(tasks.SelectMany(t => Occurrences(html, PlaceholderContainerRenderer.Markup("task", t.Id)).Select(at => (at.Index, at.Length, Segment: LessonSegment.Of(t)))))
            .OrderBy(p => p.Index);
        var segments = new List<LessonSegment>();
        var position = 0;
        foreach (var (index, length, segment) in places)
        {
            segments.Add(LessonSegment.Of(html[position..index]));
            segments.Add(segment);
            position = index + length;
        }

        segments.Add(LessonSegment.Of(html[position..]));
        return segments;
    }

    private static IEnumerable<(int Index, int Length)> Occurrences(string html, string markup)
    {
        for (var at = html.IndexOf(markup, StringComparison.Ordinal); at >= 0; at = html.IndexOf(markup, at + markup.Length, StringComparison.Ordinal))
        {
            yield return (at, markup.Length);
        }
    }
}
