using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Web.Courses;

/// <summary>
/// The courses whose development tasks a trainer reads: those listing the trainer's e-mail under `trainers:` in
/// course.yml, plus courses that list nobody. Admins read all.
/// </summary>
public static class TrainerScope
{
    public static IReadOnlyList<Course> CoursesOf(CourseCatalog catalog, string? email, bool isAdmin) =>
        catalog.Courses.Where(c => Reads(c, email, isAdmin)).ToList();

    /// <summary>
    /// The courses of the trainer that failed to load, by the trainers of their last loaded version. One the site
    /// has not loaded since it started has no known trainers, so it counts for every trainer, like a course that
    /// lists nobody: the task list then only names it and counts its answers.
    /// </summary>
    public static IReadOnlyList<UnavailableCourse> UnavailableOf(CourseCatalog catalog, string? email, bool isAdmin) =>
        catalog.Unavailable.Where(u => u.LastLoaded is not { } last || Reads(last, email, isAdmin)).ToList();

    private static bool Reads(Course course, string? email, bool isAdmin) =>
        isAdmin || course.Trainers.Count == 0 || (email is not null && course.Trainers.Contains(email.ToLowerInvariant()));
}
