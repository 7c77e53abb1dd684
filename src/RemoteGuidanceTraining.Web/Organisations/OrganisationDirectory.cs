using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Organisations;

/// <summary>
/// The list of organisations admins keep (names, regions, e-mail domains, merging two), people's verified
/// membership as an admin sets it, and coordinators' scopes with their history.
/// Each method is one use case and commits once; a failure is returned as a resource key, not thrown.
/// </summary>
public sealed partial class OrganisationDirectory(AppDbContext db, TimeProvider clock, Audit.AuditLog audit)
{
    /// <summary>
    /// The organisations with their people, and apart from them the invitees who have not yet set a password (an
    /// invitation puts the account it makes in the cohort's organisation at once). Someone an admin placed counts as a
    /// person whether or not their address is confirmed yet: nobody invited them.
    /// </summary>
    public async Task<IReadOnlyList<OrganisationRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new
            {
                o.Id, o.Name, o.Region,
                People = db.Users.Count(u => u.OrganisationId == o.Id && (u.EmailConfirmed || u.MembershipSource != MembershipSource.Invitation)),
                Invited = db.Users.Count(u => u.OrganisationId == o.Id && !u.EmailConfirmed && u.MembershipSource == MembershipSource.Invitation),
            })
            .ToListAsync(cancellationToken);
        var domains = (await db.OrganisationDomains.AsNoTracking().OrderBy(d => d.Domain).ToListAsync(cancellationToken))
            .ToLookup(d => d.OrganisationId);
        return organisations.Select(o => new OrganisationRow(o.Id, o.Name, o.Region, o.People,
            domains[o.Id].Select(d => new DomainRow(d.Id, d.Domain)).ToList(), o.Invited)).ToList();
    }

    public async Task<string?> CreateAsync(string? name, string? region, CancellationToken cancellationToken = default)
    {
        var clean = CleanName(name);
        if (Check(clean, region) is { } error)
        {
            return error;
        }

        if (await NameTakenAsync(clean!, null, cancellationToken))
        {
            return "Orgs.Duplicate";
        }

        db.Organisations.Add(new Organisation { Name = clean!, Region = region, CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        return await SaveUniqueAsync("Orgs.Duplicate", cancellationToken);
    }

    // "Kainuun ohjaamo" and "kainuun ohjaamo" are one organisation to people, two to a unique index. Compared here,
    // not in SQL, because SQLite's lower() folds only A–Z (not Ä, Ö, Å); an install has hundreds of names at most.
    private async Task<bool> NameTakenAsync(string name, int? exceptId, CancellationToken cancellationToken) =>
        (await db.Organisations.Where(o => o.Id != exceptId).Select(o => o.Name).ToListAsync(cancellationToken))
            .Contains(name, StringComparer.InvariantCultureIgnoreCase);

    /// <summary>Renames or moves an organisation; its people and cohorts follow.</summary>
    public async Task<string?> UpdateAsync(int id, string? name, string? region, CancellationToken cancellationToken = default)
    {
        var clean = CleanName(name);
        if (Check(clean, region) is { } error)
        {
            return error;
        }

        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return "Orgs.NotFound";
        }

        if (await NameTakenAsync(clean!, id, cancellationToken))
        {
            return "Orgs.Duplicate";
        }

        (organisation.Name, organisation.Region) = (clean!, region);
        await db.Users.Where(u => u.OrganisationId == id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Organisation, clean).SetProperty(x => x.Region, region), cancellationToken);
        await db.Cohorts.Where(c => c.OrganisationId == id)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.Organisation, clean), cancellationToken);
        return await SaveUniqueAsync("Orgs.Duplicate", cancellationToken);
    }

    public async Task<string?> AddDomainAsync(int id, string? domain, CancellationToken cancellationToken = default)
    {
        var clean = domain?.Trim().TrimStart('@').ToLowerInvariant() ?? "";
        if (clean.Length is 0 or > OrganisationDomain.MaxLength || !DomainPattern().IsMatch(clean))
        {
            return "Orgs.BadDomain";
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == id, cancellationToken))
        {
            return "Orgs.NotFound";
        }

        if (await db.OrganisationDomains.AnyAsync(d => d.Domain == clean, cancellationToken))
        {
            return "Orgs.DomainTaken";
        }

        db.OrganisationDomains.Add(new OrganisationDomain { OrganisationId = id, Domain = clean });
        return await SaveUniqueAsync("Orgs.DomainTaken", cancellationToken);
    }

    public async Task RemoveDomainAsync(int domainId, CancellationToken cancellationToken = default) =>
        await db.OrganisationDomains.Where(d => d.Id == domainId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Two spellings of one organisation become one: people, cohorts, domains and coordinators' scopes move to the target.</summary>
    public async Task<string?> MergeAsync(int sourceId, int targetId, CancellationToken cancellationToken = default)
    {
        if (sourceId == targetId)
        {
            return "Orgs.MergeSame";
        }

        var target = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == targetId, cancellationToken);
        var sourceName = await db.Organisations.Where(o => o.Id == sourceId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
        if (target is null || sourceName is null)
        {
            return "Orgs.NotFound";
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Users.Where(u => u.OrganisationId == sourceId).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.OrganisationId, targetId).SetProperty(x => x.Organisation, target.Name).SetProperty(x => x.Region, target.Region), cancellationToken);
        await db.Cohorts.Where(c => c.OrganisationId == sourceId).ExecuteUpdateAsync(c => c
            .SetProperty(x => x.OrganisationId, targetId).SetProperty(x => x.Organisation, target.Name), cancellationToken);
        await db.OrganisationDomains.Where(d => d.OrganisationId == sourceId)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.OrganisationId, targetId), cancellationToken);
        await db.CoordinatorAssignments.Where(a => a.OrganisationId == sourceId)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.OrganisationId, targetId), cancellationToken);
        await db.Organisations.Where(o => o.Id == sourceId).ExecuteDeleteAsync(cancellationToken);
        await audit.RecordNowAsync(Audit.AuditActions.OrganisationsMerged, null, $"{sourceId} ({sourceName}) -> {targetId} ({target.Name})", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>An admin sets (or clears) the organisation a person verifiably belongs to.</summary>
    public async Task<string?> SetMembershipAsync(string userId, int? organisationId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        var organisation = organisationId is null ? null : await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (user is null || (organisationId is not null && organisation is null))
        {
            return "Orgs.NotFound";
        }

        Memberships.Set(user, organisation, MembershipSource.Admin);
        audit.Record(Audit.AuditActions.MembershipChanged, userId, organisation is null ? "-" : Memberships.Describe(organisation));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<IReadOnlyList<AssignmentRow>> AssignmentsAsync(string userId, CancellationToken cancellationToken = default) =>
        await (from a in db.CoordinatorAssignments.AsNoTracking()
               where a.UserId == userId
               join o in db.Organisations on a.OrganisationId equals o.Id into orgs
               from o in orgs.DefaultIfEmpty()
               join assigner in db.Users on a.AssignedByUserId equals assigner.Id into assigners
               from assigner in assigners.DefaultIfEmpty()
               join rb in db.Users on a.RemovedByUserId equals rb.Id into removers
               from rb in removers.DefaultIfEmpty()
               orderby a.AssignedAtUtc descending
               select new AssignmentRow(a.OrganisationId, o == null ? null : o.Name, a.Region,
                   assigner == null ? "?" : assigner.FullName, a.AssignedAtUtc, rb == null ? null : rb.FullName, a.RemovedAtUtc))
              .ToListAsync(cancellationToken);

    /// <summary>
    /// Makes the coordinator's scope exactly these organisations and regions: new ones are added and old ones
    /// marked removed, each with the admin and the time, so the history stays readable.
    /// </summary>
    public async Task<string?> SetScopeAsync(string userId, IReadOnlyCollection<int> organisationIds, IReadOnlyCollection<string> regions,
        string adminId, CancellationToken cancellationToken = default)
    {
        if (regions.Any(r => !Accounts.Regions.IsKnown(r)))
        {
            return "Orgs.BadRegion";
        }

        // Named as well as numbered in the audit log: a merge later removes the number, the name says what was meant.
        var names = await db.Organisations.Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var known = names.Keys.ToList();
        if (known.Count != organisationIds.Distinct().Count() || !await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            return "Orgs.NotFound";
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var current = await db.CoordinatorAssignments.Where(a => a.UserId == userId && a.RemovedAtUtc == null).ToListAsync(cancellationToken);
        foreach (var gone in current.Where(a => a.OrganisationId is { } o ? !known.Contains(o) : !regions.Contains(a.Region!)))
        {
            (gone.RemovedAtUtc, gone.RemovedByUserId) = (now, adminId);
        }

        foreach (var id in known.Where(id => !current.Any(a => a.OrganisationId == id)))
        {
            db.CoordinatorAssignments.Add(new CoordinatorAssignment { UserId = userId, OrganisationId = id, AssignedByUserId = adminId, AssignedAtUtc = now });
        }

        foreach (var region in regions.Distinct().Where(r => !current.Any(a => a.Region == r)))
        {
            db.CoordinatorAssignments.Add(new CoordinatorAssignment { UserId = userId, Region = region, AssignedByUserId = adminId, AssignedAtUtc = now });
        }

        audit.Record(Audit.AuditActions.ScopeChanged, userId, $"organisations: {string.Join(", ", known.Order().Select(id => $"{id} ({names[id]})"))}; regions: {string.Join(", ", regions.Distinct().Order())}", adminId);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private static string? CleanName(string? name) => string.IsNullOrWhiteSpace(name) ? null : WhiteSpace().Replace(name.Trim(), " ");

    private static string? Check(string? name, string? region) =>
        name is null ? "Orgs.NameRequired"
        : name.Length > Organisation.NameMaxLength ? "Orgs.NameTooLong"
        : region is not null && !Regions.IsKnown(region) ? "Orgs.BadRegion"
        : null;

    /// <summary>Two admins adding the same name at once: the unique index decides, and the loser gets a message.</summary>
    private async Task<string?> SaveUniqueAsync(string conflictKey, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return conflictKey;
        }
    }

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")]
    private static partial Regex DomainPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}

/// <summary>An organisation; People counts those who use their account, NotYetActive the invitees who have not set a password.</summary>
public sealed record OrganisationRow(int Id, string Name, string? Region, int People, IReadOnlyList<DomainRow> Domains, int NotYetActive = 0);

public sealed record DomainRow(int Id, string Domain);

public sealed record AssignmentRow(int? OrganisationId, string? OrganisationName, string? Region, string AssignedBy, DateTime AssignedAtUtc,
    string? RemovedBy, DateTime? RemovedAtUtc)
{
    public bool Active => RemovedAtUtc is null;
}
