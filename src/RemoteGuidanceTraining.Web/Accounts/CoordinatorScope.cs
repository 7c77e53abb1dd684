using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Accounts;

/// <summary>
/// Whom a coordinator may see: the people of the organisations and regions an admin assigned to them
/// (Organisations.CoordinatorAssignment), and the people who accepted an invitation to one of their cohorts.
/// What anyone types in their own profile plays no part. Admins see everyone. Every coordinator page filters
/// through here, so the rule lives in one place; build it with Organisations.CoordinatorScopes.
/// </summary>
public sealed class CoordinatorScope(bool all, IReadOnlyList<int> organisationIds, IReadOnlyList<string> regions, IQueryable<CohortMember> members)
{
    private readonly IQueryable<CohortMember> _members = members;

    public bool All { get; } = all;

    public IReadOnlyList<int> OrganisationIds { get; } = organisationIds;

    public IReadOnlyList<string> Regions { get; } = regions;

    /// <summary>A coordinator nobody has given a scope yet: they see nothing until an admin assigns one.</summary>
    public bool IsEmpty => !All && OrganisationIds.Count == 0 && Regions.Count == 0;

    public IQueryable<Cohort> Filter(IQueryable<Cohort> cohorts)
    {
        if (All)
        {
            return cohorts;
        }

        var (ids, regions) = (OrganisationIds, Regions);
        return cohorts.Where(c => (c.OrganisationId != null && ids.Contains(c.OrganisationId.Value)) || (c.Region != null && regions.Contains(c.Region)));
    }

    public IQueryable<AppUser> Filter(IQueryable<AppUser> users)
    {
        if (All)
        {
            return users;
        }

        var (ids, regions) = (OrganisationIds, Regions);
        // People who accepted an invitation to one of this coordinator's cohorts joined it knowingly.
        var joined = _members.Where(m => m.Status == CohortMemberStatus.Member
                && ((m.Cohort!.OrganisationId != null && ids.Contains(m.Cohort.OrganisationId.Value)) || (m.Cohort.Region != null && regions.Contains(m.Cohort.Region))))
            .Select(m => m.UserId);
        return users.Where(u => (u.OrganisationId != null && ids.Contains(u.OrganisationId.Value))
            || (u.Region != null && regions.Contains(u.Region))
            || joined.Contains(u.Id));
    }
}
