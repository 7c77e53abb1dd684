using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Web.Courses;

/// <summary>
/// The courses whose development tasks a trainer reads: those listing the trainer's e-mail under `trainers:` in
/// course.yml, plus courses that list nobody. Admins read all.
/// </summary>
public static class TrainerScope
{
    public static IReadOnlyList<Course> CoursesOf(CourseCatalog catalog, string? email, bool isAdmin) =>
        catalog.Courses.Where(c => isAdmin || c.Trainers.Count == 0
            || (email is not null && c.Trainers.Contains(email.ToLowerInvariant()))).ToList();
}
