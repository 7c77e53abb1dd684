namespace RemoteGuidanceTraining.Courses;

/// <summary>
/// What the site that serves the courses tells the engine: where its lesson and media pages are and which clock it
/// keeps. The engine writes links between lessons and to course files from <see cref="Urls"/>, so a change of the
/// site's routes needs no change here. <see cref="Standalone"/> is for use without a site (the validate-courses
/// command, the engine's own tests).
/// </summary>
public sealed record CourseHost(CourseUrls Urls, TimeProvider Clock)
{
    public static CourseHost Standalone { get; } = new(CourseUrls.Standalone, TimeProvider.System);
}

/// <summary>
/// URL templates with the placeholders <c>{courseId}</c>, <c>{moduleId}</c>, <c>{lessonId}</c> (a lesson page) and
/// <c>{courseId}</c>, <c>{path}</c> (a file in the course folder; the path arrives escaped segment by segment).
/// </summary>
public sealed record CourseUrls(string LessonTemplate, string MediaTemplate)
{
    /// <summary>The routes the site has always used; what <see cref="CourseHost.Standalone"/> links to.</summary>
    public static CourseUrls Standalone { get; } = new("/courses/{courseId}/{moduleId}/{lessonId}", "/courses/{courseId}/media/{path}");

    public string Lesson(string courseId, string moduleId, string lessonId) => LessonTemplate
        .Replace("{courseId}", courseId, StringComparison.Ordinal)
        .Replace("{moduleId}", moduleId, StringComparison.Ordinal)
        .Replace("{lessonId}", lessonId, StringComparison.Ordinal);

    /// <param name="courseId">The course.</param>
    /// <param name="relativePath">The file's path inside the course folder, with '/' between folders, not escaped.</param>
    public string Media(string courseId, string relativePath) => MediaTemplate
        .Replace("{courseId}", courseId, StringComparison.Ordinal)
        .Replace("{path}", string.Join('/', relativePath.Split('/').Select(Uri.EscapeDataString)), StringComparison.Ordinal);
}
