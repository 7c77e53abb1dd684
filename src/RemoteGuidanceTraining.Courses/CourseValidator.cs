using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses;

/// <summary>The validate-courses command: prints every problem as file:line and says whether the folder is clean.</summary>
public static class CourseValidator
{
    /// <summary>0 when there is no error and no warning (content CI must be clean), otherwise 1.</summary>
    public static int ValidateToConsole(string folder, TextWriter output)
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
        return catalog.Problems.Count == 0 ? 0 : 1;
    }
}
