using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Web.Courses;

/// <summary>
/// The lesson and peer pages are for signed-in users, but their routes match any course, module and lesson id. An
/// anonymous request for one the catalog does not have (or a draft it may not see) gets the same 404 as a signed-in
/// user, not the sign-in page, which would tell that the address exists. Decided from the in-memory catalog, without
/// SQL; a signed-in user passes at the first check, so the lesson page costs them nothing more.
/// </summary>
public static class CourseAddressAuthorization
{
    public const string Policy = "SignedInOrUnknownCourseAddress";

    public static IServiceCollection AddCourseAddressAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.RequireAssertion(context =>
            context.User.Identity?.IsAuthenticated == true
            || (context.Resource is HttpContext http && !Exists(http.RequestServices.GetRequiredService<CatalogHolder>().Current, context.User, http.Request.RouteValues))));
        // PostConfigure: AddRazorPages' own set-up replaces the conventions collection, so this must run after it.
        services.PostConfigure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizePage("/Courses/Lesson", Policy);
            options.Conventions.AuthorizePage("/Courses/Peer", Policy);
        });
        return services;
    }

    /// <summary>
    /// Whether the address leads somewhere once signed in: a lesson the user may see (in any module: a moved lesson's
    /// old address redirects), a peer task in the lesson's own module, or any address in a course that failed to load
    /// (its enrolled participants are told it is temporarily unavailable).
    /// </summary>
    internal static bool Exists(CourseCatalog catalog, ClaimsPrincipal user, RouteValueDictionary route)
    {
        var courseId = route["courseId"] as string;
        if (catalog.FindUnavailable(courseId) is not null)
        {
            return true;
        }

        var course = catalog.Find(courseId);
        var lesson = course?.FindLesson(route["lessonId"] as string ?? "");
        if (course is null || lesson is null || !DraftAccess.MaySee(user, course))
        {
            return false;
        }

        return route["taskId"] is not string taskId
            || (lesson.ModuleId == route["moduleId"] as string && lesson.Tasks.Any(t => t.Id == taskId && t.Peer > 0));
    }
}
