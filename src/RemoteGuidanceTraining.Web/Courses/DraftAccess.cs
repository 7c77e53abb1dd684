using System.Security.Claims;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Accounts;

namespace RemoteGuidanceTraining.Web.Courses;

/// <summary>A course with `status: draft` is out of the participants' catalogue; trainers and admins see it (with a banner).</summary>
public static class DraftAccess
{
    public static bool MaySee(ClaimsPrincipal user, Course course) =>
        !course.IsDraft || user.IsInRole(Roles.Trainer) || user.IsInRole(Roles.Admin);
}
