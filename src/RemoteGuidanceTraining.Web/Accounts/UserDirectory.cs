using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Accounts;

/// <summary>The admins' list of accounts: a name or address search, one page at a time, with each person's roles.</summary>
public sealed class UserDirectory(AppDbContext db)
{
    public const int PageSize = 25;

    public async Task<UserPage> SearchAsync(string? query, int page, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking().Where(u => u.Email != null); // not the stubs deleted accounts leave (Privacy/AccountDeletion)
        if (query is not null)
        {
            var pattern = $"%{query}%";
            users = users.Where(u => EF.Functions.Like(u.Email!, pattern) || EF.Functions.Like(u.FullName, pattern));
        }

        var total = await users.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var pageNumber = Math.Clamp(page, 1, pageCount);
        var found = await users.OrderBy(u => u.FullName).ThenBy(u => u.Email)
            .Skip((pageNumber - 1) * PageSize).Take(PageSize)
            .Select(u => new { u.Id, u.FullName, u.Email, u.Organisation, u.CreatedAtUtc })
            .ToListAsync(cancellationToken);
        var ids = found.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var rows = found.Select(u => new UserRow(u.Id, u.FullName, u.Email ?? "", u.Organisation, u.CreatedAtUtc,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToHashSet())).ToList();
        return new UserPage(rows, total, pageNumber, pageCount);
    }
}

public sealed record UserPage(IReadOnlyList<UserRow> Rows, int Total, int PageNumber, int PageCount);

public sealed record UserRow(string Id, string FullName, string Email, string? Organisation, DateTime CreatedAtUtc, IReadOnlySet<string> Roles);
