using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Paging;

namespace RemoteGuidanceTraining.Web.Accounts;

/// <summary>The admins' list of accounts: a name or address search, one page at a time, with each person's roles.</summary>
public sealed class UserDirectory(AppDbContext db, SignInAbility signInAbility)
{
    public const int PageSize = 25;

    public async Task<PagedList<UserRow>> SearchAsync(string? query, int page, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking().Where(u => u.Email != null); // not the stubs deleted accounts leave (Privacy/AccountDeletion)
        if (query is not null)
        {
            users = users.WhereContains(query, u => u.Email!, u => u.FullName);
        }

        // Whole accounts, one page of them: whether each can sign in is SignInAbility's rule, applied here in memory
        // (SQLite cannot compare the lockout's DateTimeOffset in SQL), so the badge and the role guards agree.
        var found = (await PagedList<AppUser>.ReadAsync(users.OrderBy(u => u.FullName).ThenBy(u => u.Email), page, PageSize, cancellationToken))
            .Select(u => new UserRow(u.Id, u.FullName, u.Email ?? "", u.Organisation, u.CreatedAtUtc, null!) { CannotSignIn = signInAbility.WhyCannotSignIn(u) });
        var ids = found.Rows.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        return found.Select(u => u with { Roles = roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToHashSet() });
    }
}

public sealed record UserRow(string Id, string FullName, string Email, string? Organisation, DateTime CreatedAtUtc, IReadOnlySet<string> Roles)
{
    /// <summary>Why the account cannot sign in now (and so cannot be given roles); null when it can.</summary>
    public SignInBlock? CannotSignIn { get; init; }
}
