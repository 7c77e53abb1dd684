using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Accounts;

/// <summary>
/// Whom a coordinator may see: the people of the organisations and regions an admin assigned to them
/// (Organisations.CoordinatorAssignment), and, in one course only, the people who accepted an invitation to one of
/// their cohorts of that course.
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

    /// <summary>
    /// The people of the assigned organisations and regions, whatever the course: for what is not about one course
    /// (unsent mail to their addresses). People who joined a cohort are seen only in that cohort's course.
    /// </summary>
    public IQueryable<AppUser> Filter(IQueryable<AppUser> users)
    {
        if (All)
        {
            return users;
        }

        var (ids, regions) = (OrganisationIds, Regions);
        return users.Where(u => (u.OrganisationId != null && ids.Contains(u.OrganisationId.Value)) || (u.Region != null && regions.Contains(u.Region)));
    }

    /// <summary>
    /// Whom the coordinator sees in one course: the assigned organisations' and regions' people, and the people who
    /// accepted an invitation to one of their cohorts of that course. Accepting said the coordinator would see the
    /// progress in that course; it opens nothing in the person's other courses or certificates.
    /// </summary>
    public IQueryable<AppUser> Filter(IQueryable<AppUser> users, string courseId)
    {
        if (All)
        {
            return users;
        }

        // The assigned people as Filter(users) has them (one rule), or joined for this course.
        var assigned = Filter(users).Select(u => u.Id);
        var joined = Joined.Where(m => m.Cohort!.CourseId == courseId).Select(m => m.UserId);
        return users.Where(u => assigned.Contains(u.Id) || joined.Contains(u.Id));
    }

    /// <summary>
    /// Records of a person in a course (enrolments, completions, certificates) the coordinator sees: those of the
    /// assigned organisations' and regions' people, and those in the course of a cohort the person joined.
    /// </summary>
    public IQueryable<T> Filter<T>(IQueryable<T> records, IQueryable<AppUser> users)
        where T : class, IPersonInCourse
    {
        if (All)
        {
            return records;
        }

        var people = Filter(users).Select(u => u.Id);
        var joined = Joined;
        return records.Where(r => people.Contains(r.UserId) || joined.Any(m => m.UserId == r.UserId && m.Cohort!.CourseId == r.CourseId));
    }

    // Accepted members of this coordinator's cohorts; each counts for the cohort's course only.
    private IQueryable<CohortMember> Joined
    {
        get
        {
            var (ids, regions) = (OrganisationIds, Regions);
            return _members.Where(m => m.Status == CohortMemberStatus.Member
                && ((m.Cohort!.OrganisationId != null && ids.Contains(m.Cohort.OrganisationId.Value)) || (m.Cohort.Region != null && regions.Contains(m.Cohort.Region))));
        }
    }
}
