using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Paging;

namespace RemoteGuidanceTraining.Web.Pages.Admin;

/// <summary>Lists accounts and grants or removes roles. The folder convention limits it to admins.</summary>
public class UsersModel(UserDirectory directory, RoleChanges roleChanges, IStringLocalizer<SharedResource> t) : PageModel
{
    public string? Query { get; private set; }

    public PagedList<UserRow> Found { get; private set; } = PagedList<UserRow>.Empty;

    public async Task OnGetAsync(string? q, int p = 1)
    {
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Found = await directory.SearchAsync(Query, p, HttpContext.RequestAborted);
    }

    public string PageUrl(int p) => Url.Page("/Admin/Users", new { q = Query, p })!;

    public async Task<IActionResult> OnPostRolesAsync(string userId, string[] roles, string? q, int p = 1)
    {
        var result = await roleChanges.SetAsync(userId, roles, HttpContext.RequestAborted);
        if (result.Outcome == RoleChangeOutcome.NotFound)
        {
            return NotFound();
        }

        TempData["Status"] = result.Outcome switch
        {
            RoleChangeOutcome.Unchanged => t["Admin.Users.RolesUnchanged", result.FullName!].Value,
            RoleChangeOutcome.CannotSignIn => t["Admin.Users.CannotGrantToAccountThatCannotSignIn", result.FullName!].Value,
            RoleChangeOutcome.LastAdmin => t["Admin.Users.LastAdminWhoCanSignIn"].Value,
            // Another admin changed the account at the same moment: nothing saved, as for a closing that lost the race.
            RoleChangeOutcome.Conflict => t["Admin.User.ChangedMeanwhile", result.FullName!].Value,
            _ => t["Admin.Users.RolesSaved", result.FullName!].Value,
        };
        return RedirectToPage(new { q, p });
    }
}
