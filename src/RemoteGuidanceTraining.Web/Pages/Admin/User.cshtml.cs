using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Organisations;

namespace RemoteGuidanceTraining.Web.Pages.Admin;

/// <summary>One person as an admin sees them: the organisation they verifiably belong to, and, for a coordinator, the scope they work in.</summary>
public class UserModel(OrganisationDirectory directory, UserManager<AppUser> users, AccountSuspension suspension, IStringLocalizer<SharedResource> t) : PageModel
{
    public AppUser? Person { get; private set; }

    public IReadOnlyList<OrganisationRow> Organisations { get; private set; } = [];

    public IReadOnlyList<AssignmentRow> Assignments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>
    /// The form's "–" posts an empty value, which clears the membership; a missing field or one that is no number
    /// was not offered by the form and changes nothing.
    /// </summary>
    public async Task<IActionResult> OnPostMembershipAsync(string id, [BindRequired] int? organisationId) =>
        !await IsManageableAsync(id) ? NotFound()
        : Done(id, ModelState.IsValid ? await directory.SetMembershipAsync(id, organisationId, HttpContext.RequestAborted) : "Orgs.ChooseFromList");

    /// <summary>
    /// An organisation value that is no number (abc, 2147483648) would bind as an empty list and remove every
    /// organisation: the whole post is refused instead and changes nothing, as is one naming no organisation.
    /// </summary>
    public async Task<IActionResult> OnPostScopeAsync(string id, int[] organisations, string[] regions) =>
        !await IsManageableAsync(id) ? NotFound()
        : Done(id, ModelState.IsValid ? await directory.SetScopeAsync(id, organisations, regions, User.UserId()!, HttpContext.RequestAborted) : "Orgs.ScopeChooseFromList");

    /// <summary>Closes the account: the person's sessions end at once and no path signs them in until it is reopened.</summary>
    public async Task<IActionResult> OnPostSuspendAsync(string id) =>
        Suspended(id, await suspension.SuspendAsync(id, User.UserId()!, HttpContext.RequestAborted), "Admin.User.Suspended");

    public async Task<IActionResult> OnPostReopenAsync(string id) =>
        Suspended(id, await suspension.ReopenAsync(id, User.UserId()!, HttpContext.RequestAborted), "Admin.User.Reopened");

    private IActionResult Suspended(string id, SuspensionResult result, string doneKey)
    {
        if (result.Outcome == SuspensionOutcome.NotFound)
        {
            return NotFound();
        }

        TempData["Status"] = t[result.Outcome switch
        {
            SuspensionOutcome.Self => "Admin.User.CannotSuspendSelf",
            SuspensionOutcome.LastAdmin => "Admin.Users.LastAdminWhoCanSignIn",
            SuspensionOutcome.Conflict => "Admin.User.ChangedMeanwhile",
            _ => doneKey, // Unchanged: another tab did it already, and the page now shows it
        }, result.FullName!].Value;
        return RedirectToPage(new { id });
    }

    private IActionResult Done(string id, string? error)
    {
        TempData["Status"] = t[error ?? "Orgs.Saved"].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>A deleted account's stub answers 404 as a missing one does, to every handler (as on DeleteUser).</summary>
    private async Task<bool> IsManageableAsync(string id)
    {
        Person = await users.FindAccountAsync(id);
        return Person is not null;
    }

    private async Task<bool> LoadAsync(string id)
    {
        if (!await IsManageableAsync(id))
        {
            return false;
        }

        Organisations = await directory.ListAsync(HttpContext.RequestAborted);
        Assignments = await directory.AssignmentsAsync(id, HttpContext.RequestAborted);
        return true;
    }
}
