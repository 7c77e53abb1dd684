using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses;

/// <summary>The validate-courses command: prints every problem as file:line and says whether the folder is clean.</summary>
public static class CourseValidator
{
    /// <summary>
    /// 0 when there is no error and no warning (content CI must be clean), otherwise 1. With <paramref name="extent"/>
    /// it also prints each course's estimated extent (<see cref="CourseExtent"/>), and a declared extent outside
    /// the tolerances fails too.
    /// </summary>
    public static int ValidateToConsole(string folder, TextWriter output, bool extent = false)
    {
        var catalog = CourseLoader.Load(folder);
        foreach (var problem in catalog.Problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line))
        {
            output.WriteLine(problem.ToString());
        }

        var errors = catalog.Problems.Count(p => p.Severity == ProblemSeverity.Error);
        var warnings = catalog.Problems.Count - errors;
        var lessons = catalog.Courses.Sum(c => c.Lessons.Count());
        output.WriteLine($"{catalog.Courses.Count} valid course(s), {lessons} lesson(s); {errors} error(s), {warnings} warning(s) in {catalog.RootFolder}");
        var extentProblems = 0;
        if (extent)
        {
            foreach (var course in catalog.Courses)
            {
                var estimate = CourseExtent.Of(course);
                estimate.WriteTo(output);
                extentProblems += estimate.Problems().Count;
            }

            output.WriteLine($"{extentProblems} extent problem(s)");
        }

        return catalog.Problems.Count == 0 && extentProblems == 0 ? 0 : 1;
    }
}
