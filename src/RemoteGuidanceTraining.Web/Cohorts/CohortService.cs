using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Paging;

namespace RemoteGuidanceTraining.Web.Cohorts;

/// <summary>The coordinator's cohorts, always through their <see cref="CoordinatorScope"/>: a cohort outside it does not exist for them.</summary>
public sealed class CohortService(AppDbContext db, TimeProvider clock)
{
    public const int NameMaxLength = 200;

    /// <summary>A cohort's dates fall within these years; anything else (year 1, 9999) is a typing error, refused with a message.</summary>
    public const int FirstYear = 2000;

    public const int LastYear = 2100;

    public static bool IsPlausible(DateOnly date) => date.Year is >= FirstYear and <= LastYear;

    public async Task<IReadOnlyList<CohortRow>> ListAsync(CoordinatorScope scope, CancellationToken cancellationToken = default) =>
        await scope.Filter(db.Cohorts.AsNoTracking()).OrderByDescending(c => c.StartsOn)
            .Select(c => new CohortRow(c.Id, c.Name, c.CourseId, c.Organisation, c.Region, c.StartsOn, c.EndsOn,
                db.CohortMembers.Count(m => m.CohortId == c.Id && m.Status == CohortMemberStatus.Member), c.ArchivedAtUtc != null))
            .ToListAsync(cancellationToken);

    /// <summary>The organisations and regions a new cohort may belong to: the viewer's scope (an admin: all).</summary>
    public async Task<CohortOwners> OwnersAsync(CoordinatorScope scope, CancellationToken cancellationToken = default)
    {
        var ids = scope.OrganisationIds;
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => scope.All || ids.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new KeyValuePair<int, string>(o.Id, o.Name)).ToListAsync(cancellationToken);
        return new CohortOwners(organisations, scope.All ? Regions.Codes : scope.Regions);
    }

    /// <summary>Creates a cohort owned by an organisation and/or region from the viewer's scope; returns its id or an error key.</summary>
    public async Task<(int? Id, string? Error)> CreateAsync(CoordinatorScope scope, NewCohort input, string creatorId, CancellationToken cancellationToken = default)
    {
        if (!IsPlausible(input.StartsOn) || !IsPlausible(input.EndsOn))
        {
            return (null, "Cohorts.DateOutOfRange");
        }

        var owners = await OwnersAsync(scope, cancellationToken);
        if (input is { OrganisationId: null, Region: null } && !scope.All)
        {
            // A coordinator of exactly one organisation (or one region) need not pick it.
            input = owners.Organisations.Count == 1 ? input with { OrganisationId = owners.Organisations[0].Key }
                : owners is { Organisations.Count: 0, Regions.Count: 1 } ? input with { Region = owners.Regions[0] }
                : input;
        }

        var organisation = owners.Organisations.FirstOrDefault(o => o.Key == input.OrganisationId);
        if ((input.OrganisationId is not null && organisation.Value is null) || (input.Region is not null && !owners.Regions.Contains(input.Region)))
        {
            return (null, "Cohorts.OwnerOutOfScope");
        }

        if (input.OrganisationId is null && input.Region is null)
        {
            return (null, "Cohorts.OwnerRequired");
        }

        var cohort = new Cohort
        {
            Name = input.Name,
            CourseId = input.CourseId,
            OrganisationId = input.OrganisationId,
            Organisation = organisation.Value,
            Region = input.Region,
            StartsOn = input.StartsOn,
            EndsOn = input.EndsOn,
            CreatedByUserId = creatorId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Cohorts.Add(cohort);
        await db.SaveChangesAsync(cancellationToken);
        return (cohort.Id, null);
    }

    public Task<Cohort?> FindAsync(CoordinatorScope scope, int id, CancellationToken cancellationToken = default) =>
        scope.Filter(db.Cohorts.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>
    /// One page of the pending invitations, optionally only those whose typed name or address contains the search,
    /// showing only what the coordinator typed, so the page says nothing about whether an address already had an
    /// account, or whose it is. (Members and declined invitations: CohortManagement.StatesPageAsync.)
    /// </summary>
    public Task<PagedList<InvitationRow>> PendingPageAsync(Cohort cohort, string? search, int page, CancellationToken cancellationToken = default)
    {
        var rows = from m in db.CohortMembers.AsNoTracking()
                   join u in db.Users on m.UserId equals u.Id
                   where m.CohortId == cohort.Id && m.Status == CohortMemberStatus.Invited
                   select new { m, u };
        if (search is not null)
        {
            rows = rows.WhereContains(search, r => r.m.InvitedName ?? "", r => r.u.Email!);
        }

        return PagedList<InvitationRow>.ReadAsync(rows.OrderBy(r => r.u.Email).ThenBy(r => r.m.Id)
            .Select(r => new InvitationRow(r.m.Id, r.m.InvitedName, r.u.Email ?? "", r.m.InvitedAtUtc)), page, CohortManagement.PageSize, cancellationToken);
    }
}

public sealed record CohortRow(int Id, string Name, string CourseId, string? Organisation, string? Region, DateOnly StartsOn, DateOnly EndsOn, int Members, bool Archived = false);

public sealed record CohortOwners(IReadOnlyList<KeyValuePair<int, string>> Organisations, IReadOnlyList<string> Regions);

public sealed record NewCohort(string Name, string CourseId, int? OrganisationId, string? Region, DateOnly StartsOn, DateOnly EndsOn);

public sealed record InvitationRow(int MemberId, string? InvitedName, string Email, DateTime? InvitedAtUtc);
