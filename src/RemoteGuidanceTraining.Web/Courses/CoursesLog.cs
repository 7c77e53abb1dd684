namespace RemoteGuidanceTraining.Web.Courses;

/// <summary>The course catalog's log lines, source-generated: no boxing or parsing of the template per call.</summary>
internal static partial class CoursesLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} course(s) from {Folder}.")]
    public static partial void CatalogLoaded(this ILogger logger, int count, string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reloading the courses failed; the previous catalog stays in use.")]
    public static partial void ReloadFailed(this ILogger logger, Exception error);

    [LoggerMessage(Message = "Course problem: {Problem}")]
    public static partial void CourseProblem(this ILogger logger, LogLevel level, string problem);
}
