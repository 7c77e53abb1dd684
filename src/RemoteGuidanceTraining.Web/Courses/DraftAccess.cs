using System.Security.Claims;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Accounts;

namespace RemoteGuidanceTraining.Web.Courses;

/// <summary>
/// A course with `status: draft` is out of the participants' catalogue: only the people who may edit it (trainers
/// listed under `editors:` in course.yml, and admins) see it, with a banner, and walk through it in a preview that
/// records nothing. Everyone else, other trainers included, gets 404 for the course, its lessons and its media.
/// </summary>
public static class DraftAccess
{
    public static bool MaySee(ClaimsPrincipal user, Course course) => !course.IsDraft || MayEdit(user, course);

    /// <summary>The same rule as the workspace's (CourseWorkspace.MayEdit), read from the sign-in cookie's claims.</summary>
    public static bool MayEdit(ClaimsPrincipal user, Course course) =>
        user.IsInRole(Roles.Admin)
        || (user.IsInRole(Roles.Trainer) && user.FindFirstValue(ClaimTypes.Email) is { Length: > 0 } email
            && course.Editors.Contains(email.ToLowerInvariant()));
}
