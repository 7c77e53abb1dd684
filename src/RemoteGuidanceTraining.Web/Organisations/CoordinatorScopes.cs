using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Organisations;

/// <summary>Builds a viewer's <see cref="CoordinatorScope"/> from what admins assigned to them, and nothing else.</summary>
public sealed class CoordinatorScopes(AppDbContext db)
{
    public async Task<CoordinatorScope> ForAsync(ClaimsPrincipal viewer, CancellationToken cancellationToken = default)
    {
        if (viewer.IsInRole(Roles.Admin))
        {
            return new CoordinatorScope(true, [], [], db.CohortMembers);
        }

        var userId = viewer.UserId();
        var assigned = await db.CoordinatorAssignments.AsNoTracking()
            .Where(a => a.UserId == userId && a.RemovedAtUtc == null)
            .Select(a => new { a.OrganisationId, a.Region })
            .ToListAsync(cancellationToken);
        return new CoordinatorScope(false,
            [.. assigned.Where(a => a.OrganisationId != null).Select(a => a.OrganisationId!.Value).Distinct()],
            [.. assigned.Where(a => a.Region != null).Select(a => a.Region!).Distinct()],
            db.CohortMembers);
    }
}
