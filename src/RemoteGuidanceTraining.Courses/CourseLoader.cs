using RemoteGuidanceTraining.Courses.Loading;
using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses;

/// <summary>
/// Builds a <see cref="CourseCatalog"/> from a folder of course folders. Each course stands alone: one with errors
/// is left out (its problems listed), every valid one is served.
/// </summary>
public static class CourseLoader
{
    private static readonly string[] _notCourses = ["node_modules"];

    /// <param name="rootFolder">The folder of course folders.</param>
    /// <param name="host">The site's routes and clock; <see cref="CourseHost.Standalone"/> when null.</param>
    public static CourseCatalog Load(string rootFolder, CourseHost? host = null)
    {
        host ??= CourseHost.Standalone;
        var root = Path.GetFullPath(rootFolder);
        var loadedAt = host.Clock.GetUtcNow().UtcDateTime;
        if (!Directory.Exists(root))
        {
            return new CourseCatalog(root, [], [new CourseProblem(rootFolder, 1, ProblemSeverity.Error, ProblemCode.CoursesFolderMissing, [])], loadedAt);
        }

        var courses = new List<Course>();
        var problems = new List<CourseProblem>();
        var unavailable = new List<UnavailableCourse>();
        foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            if (OrderedName.IsIgnored(name) || _notCourses.Contains(name))
            {
                continue;
            }

            var result = LoadCourse(root, folder, host);
            if (result.Course is { } course)
            {
                courses.Add(course);
            }
            else
            {
                unavailable.Add(new UnavailableCourse(name, null));
            }

            problems.AddRange(result.Problems);
        }

        return new CourseCatalog(root, courses, problems, loadedAt, unavailable);
    }

    /// <summary>
    /// Reads one course folder under <paramref name="rootFolder"/>: the course (null when it has errors) and its
    /// problems, with paths relative to the root. The trainers' workspace validates a change with this before saving.
    /// </summary>
    public static CourseLoadResult LoadCourse(string rootFolder, string courseFolder, CourseHost? host = null)
    {
        var reader = new CourseReader(Path.GetFullPath(rootFolder), Path.GetFullPath(courseFolder), (host ?? CourseHost.Standalone).Urls);
        try
        {
            var course = reader.Read();
            return new CourseLoadResult(course, reader.Problems);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // A file being saved at this very moment (the watcher reloads again once writing settles), or a
            // mistake the reader did not foresee: either way this course is not served and every other one is.
            var name = Path.GetFileName(courseFolder);
            return new CourseLoadResult(null, [.. reader.Problems,
                new CourseProblem($"{name}/course.yml", 1, ProblemSeverity.Error, ProblemCode.CourseUnreadable, [], error.Message)]);
        }
    }
}
