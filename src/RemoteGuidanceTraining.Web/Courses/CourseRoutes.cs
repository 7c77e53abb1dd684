using RemoteGuidanceTraining.Courses;

namespace RemoteGuidanceTraining.Web.Courses;

/// <summary>
/// The site's course addresses, handed to the course engine (<see cref="CourseHost"/>) so that the links it writes
/// into lessons lead to these routes. The lesson template repeats the @page route of Pages/Courses/Lesson.cshtml
/// (a directive takes no constant); a test checks that LinkGenerator builds the same path.
/// </summary>
public static class CourseRoutes
{
    public const string Lesson = "/courses/{courseId}/{moduleId}/{lessonId}";

    /// <summary>Course files (images, templates), served by <see cref="CoursesServiceCollectionExtensions.MapCourseMedia"/>.</summary>
    public const string Media = "/courses/{courseId}/media/{**path}";

    public static CourseUrls Urls { get; } = new(Lesson, Media.Replace("{**path}", "{path}", StringComparison.Ordinal));

    public static CourseHost Host(TimeProvider clock) => new(Urls, clock);
}
