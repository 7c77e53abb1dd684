using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Pages.Admin;

/// <summary>Lists accounts and grants or removes roles. The folder convention limits it to admins.</summary>
public class UsersModel(AppDbContext db, UserManager<AppUser> users, IStringLocalizer<SharedResource> t, Audit.AuditLog audit) : PageModel
{
    private const int PageSize = 25;

    /// <summary>Participant is everyone's role and is not granted here.</summary>
    public static readonly IReadOnlyList<string> GrantableRoles = [Roles.Trainer, Roles.Coordinator, Roles.Admin];

    public string? Query { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public int Total { get; private set; }

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public async Task OnGetAsync(string? q, int p = 1)
    {
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var query = db.Users.AsNoTracking().Where(u => u.Email != null); // not the stubs deleted accounts leave (Privacy/AccountDeletion)
        if (Query is not null)
        {
            var pattern = $"%{Query}%";
            query = query.Where(u => EF.Functions.Like(u.Email!, pattern) || EF.Functions.Like(u.FullName, pattern));
        }

        Total = await query.CountAsync();
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(p, 1, PageCount);
        var page = await query.OrderBy(u => u.FullName).ThenBy(u => u.Email)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(u => new { u.Id, u.FullName, u.Email, u.Organisation, u.CreatedAtUtc })
            .ToListAsync();
        var ids = page.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync();
        Users = page.Select(u => new UserRow(u.Id, u.FullName, u.Email ?? "", u.Organisation, u.CreatedAtUtc,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToHashSet())).ToList();
    }

    public async Task<IActionResult> OnPostRolesAsync(string userId, string[] roles, string? q, int p = 1)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return NotFound();
        }

        var wanted = roles.Intersect(GrantableRoles).ToHashSet();
        if (user.Id == users.GetUserId(User) && !wanted.Contains(Roles.Admin))
        {
            // Removing one's own admin role could leave the site with no admin at all.
            TempData["Status"] = t["Admin.Users.CannotRemoveOwnAdmin"].Value;
            return RedirectToPage(new { q, p });
        }

        var current = await users.GetRolesAsync(user);
        await users.AddToRolesAsync(user, wanted.Except(current));
        await users.RemoveFromRolesAsync(user, GrantableRoles.Where(r => current.Contains(r) && !wanted.Contains(r)));
        // Roles live in the sign-in cookie: a new security stamp ends the person's sessions at once (SessionValidation),
        // so a removed role stops working now, not at the next periodic check.
        audit.Record(Audit.AuditActions.RolesChanged, user.Id, string.Join(", ", wanted.Order()));
        await users.UpdateSecurityStampAsync(user);
        TempData["Status"] = t["Admin.Users.RolesSaved", user.FullName].Value;
        return RedirectToPage(new { q, p });
    }

    public sealed record UserRow(string Id, string FullName, string Email, string? Organisation, DateTime CreatedAtUtc, IReadOnlySet<string> Roles);
}
