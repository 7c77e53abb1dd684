using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Courses;

namespace RemoteGuidanceTraining.Web.Pages.Account;

/// <summary>A signed-in person's invitations to cohorts: accept (enrol, and let the cohort's coordinator follow) or decline.</summary>
public class InvitationsModel(CohortInvitations invitations, CatalogHolder catalog, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<PendingInvitation> Pending { get; private set; } = [];

    /// <summary>The course's title in its own language (a course no longer served shows its id).</summary>
    public (string Title, string? Language) CourseOf(string courseId) =>
        catalog.Current.Find(courseId) is { } course ? (course.Title, course.Language) : (courseId, null);

    public async Task OnGetAsync() => Pending = await invitations.PendingAsync(User.UserId()!, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAcceptAsync(int id)
    {
        var answer = await invitations.AcceptAsync(User.UserId()!, id, HttpContext.RequestAborted);
        if (answer.ArchivedCohort is { } cohort)
        {
            TempData["Status"] = t["Cohorts.InvitationArchivedNotJoined", cohort].Value;
            return RedirectToPage();
        }

        if (answer.CourseId is not { } courseId)
        {
            return NotFound();
        }

        TempData["Status"] = t["Invitations.Accepted"].Value;
        return RedirectToPage("/Courses/Course", new { courseId });
    }

    public async Task<IActionResult> OnPostDeclineAsync(int id)
    {
        if (!await invitations.DeclineAsync(User.UserId()!, id, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        TempData["Status"] = t["Invitations.Declined"].Value;
        return RedirectToPage();
    }
}
