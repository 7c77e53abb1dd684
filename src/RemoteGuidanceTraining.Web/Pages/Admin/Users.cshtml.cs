using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Paging;
using RemoteGuidanceTraining.Web.Privacy;

namespace RemoteGuidanceTraining.Web.Pages.Admin;

/// <summary>Lists accounts and grants or removes roles. The folder convention limits it to admins.</summary>
public class UsersModel(UserDirectory directory, UserManager<AppUser> users, SignInAbility signInAbility, IStringLocalizer<SharedResource> t, Audit.AuditLog audit)
    : PageModel
{
    /// <summary>Participant is everyone's role and is not granted here.</summary>
    public static readonly IReadOnlyList<string> GrantableRoles = [Roles.Trainer, Roles.Coordinator, Roles.Admin];

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
        var user = await users.FindByIdAsync(userId);
        if (user is null || AccountDeletion.IsStub(user))
        {
            return NotFound();
        }

        var wanted = roles.Intersect(GrantableRoles).ToHashSet();
        var current = await users.GetRolesAsync(user);
        if (wanted.SetEquals(current.Intersect(GrantableRoles)))
        {
            // Nothing to write: a new security stamp would sign the person out for nothing.
            TempData["Status"] = t["Admin.Users.RolesUnchanged", user.FullName].Value;
            return RedirectToPage(new { q, p });
        }

        if (wanted.Except(current).Any() && !signInAbility.CanSignIn(user))
        {
            // A role on an account nobody can sign in to does nothing, and the retention job may delete the account.
            TempData["Status"] = t["Admin.Users.CannotGrantToAccountThatCannotSignIn", user.FullName].Value;
            return RedirectToPage(new { q, p });
        }

        async Task WriteAsync()
        {
            await users.AddToRolesAsync(user, wanted.Except(current));
            await users.RemoveFromRolesAsync(user, GrantableRoles.Where(r => current.Contains(r) && !wanted.Contains(r)));
            // Roles live in the sign-in cookie: a new security stamp ends the person's sessions at once (SessionValidation),
            // so a removed role stops working now, not at the next periodic check.
            audit.Record(Audit.AuditActions.RolesChanged, user.Id, string.Join(", ", wanted.Order()));
            await users.UpdateSecurityStampAsync(user);
        }

        if (current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin))
        {
            // The rule of deleting one's own account: the site keeps an admin who can sign in. Only one's own role can
            // meet it, as whoever removes another's role is such an admin.
            if (!await signInAbility.UnlessLastAdminAsync(user.Id, WriteAsync, HttpContext.RequestAborted))
            {
                TempData["Status"] = t["Admin.Users.LastAdminWhoCanSignIn"].Value;
                return RedirectToPage(new { q, p });
            }
        }
        else
        {
            await WriteAsync();
        }

        TempData["Status"] = t["Admin.Users.RolesSaved", user.FullName].Value;
        return RedirectToPage(new { q, p });
    }
}
