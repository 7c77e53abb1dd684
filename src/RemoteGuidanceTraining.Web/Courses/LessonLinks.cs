using System.Collections.Concurrent;
using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Web.Courses;

/// <summary>
/// Paths of lesson pages, made by the <see cref="LinkGenerator"/> once per lesson and path base and then reused.
/// A course page links every lesson, and routing each link again on every view was about a tenth of the page's
/// time. A path depends only on the three ids and the path base, so a kept path never goes stale; ids come from
/// the catalog, never from a request, so the cache grows only with the courses.
/// </summary>
public sealed class LessonLinks(LinkGenerator links)
{
    private readonly ConcurrentDictionary<(string PathBase, string CourseId, string ModuleId, string LessonId), string> _paths = new();

    public string PathOf(HttpContext context, string courseId, Lesson lesson) =>
        _paths.GetOrAdd((context.Request.PathBase.Value ?? "", courseId, lesson.ModuleId, lesson.Id), key =>
            links.GetPathByPage(context, "/Courses/Lesson", values: new { courseId = key.CourseId, moduleId = key.ModuleId, lessonId = key.LessonId })
            ?? throw new InvalidOperationException($"No route to lesson {key.CourseId}/{key.ModuleId}/{key.LessonId}."));

    /// <summary>The lesson's path opening at one of its elements (a quiz's result, a task): "…/lesson#quiz-x-result".</summary>
    public string PathOf(HttpContext context, string courseId, Lesson lesson, string elementId) =>
        PathOf(context, courseId, lesson) + new FragmentString("#" + Uri.EscapeDataString(elementId)).ToUriComponent();
}
