using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Paging;

namespace RemoteGuidanceTraining.Web.Cohorts;

/// <summary>
/// Changes to a cohort after it was created: its name, course and dates, archiving and reopening, and removing a
/// person from it. Every write goes through the viewer's scope first. Nothing here touches anyone's own progress:
/// a removed member keeps their enrolment, lessons, quizzes, tasks and certificate.
/// </summary>
public sealed class CohortManagement(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, Audit.AuditLog audit)
{
    /// <summary>
    /// Renames and re-dates the cohort, and changes its course while nobody is in it yet. Returns an error key or null.
    /// </summary>
    public async Task<string?> UpdateAsync(CoordinatorScope scope, int cohortId, CohortEdit edit, CancellationToken cancellationToken)
    {
        var cohort = await scope.Filter(db.Cohorts).SingleOrDefaultAsync(c => c.Id == cohortId, cancellationToken);
        if (cohort is null)
        {
            return "NotFound";
        }

        if (edit.EndsOn < edit.StartsOn)
        {
            return "Cohorts.EndBeforeStart";
        }

        if (!CohortService.IsPlausible(edit.StartsOn) || !CohortService.IsPlausible(edit.EndsOn))
        {
            return "Cohorts.DateOutOfRange";
        }

        if (cohort.CourseId != edit.CourseId && await HasPeopleAsync(cohortId, cancellationToken))
        {
            return "Cohorts.CourseFixed";
        }

        (cohort.Name, cohort.CourseId, cohort.StartsOn, cohort.EndsOn) = (edit.Name, edit.CourseId, edit.StartsOn, edit.EndsOn);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Whether anyone was added, invited or declined: then the course is fixed. An invitation names the course, and
    /// a person who joined from outside the coordinator's scope is visible to them in this course only
    /// (<see cref="Accounts.CoordinatorScope"/>); moving the cohort would open their other courses.
    /// </summary>
    public Task<bool> HasPeopleAsync(int cohortId, CancellationToken cancellationToken) =>
        db.CohortMembers.AnyAsync(m => m.CohortId == cohortId, cancellationToken);

    public async Task<bool> SetArchivedAsync(CoordinatorScope scope, int cohortId, bool archived, CancellationToken cancellationToken)
    {
        DateTime? at = archived ? clock.GetUtcNow().UtcDateTime : null;
        var changed = await scope.Filter(db.Cohorts).Where(c => c.Id == cohortId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ArchivedAtUtc, c => archived ? c.ArchivedAtUtc ?? at : null), cancellationToken);
        return changed == 1;
    }

    /// <summary>
    /// Takes a person out of the cohort, or withdraws a pending (or clears a declined) invitation; their progress
    /// stays theirs. Returns what the row was, or null when the cohort has no such row.
    /// </summary>
    public async Task<CohortMemberStatus?> RemoveMemberAsync(CoordinatorScope scope, int cohortId, int memberId, CancellationToken cancellationToken)
    {
        if (!await scope.Filter(db.Cohorts).AnyAsync(c => c.Id == cohortId, cancellationToken))
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = db.CohortMembers.Where(m => m.Id == memberId && m.CohortId == cohortId);
        var member = await row.AsNoTracking().Select(m => new { m.UserId, m.Status, m.AcceptedBySettingPassword }).SingleOrDefaultAsync(cancellationToken);
        if (member is null || await row.ExecuteDeleteAsync(cancellationToken) != 1)
        {
            return null;
        }

        await CancelUnsentInvitationsAsync(cohortId, member.UserId, cancellationToken);
        // Any withdrawn invitation, not only one accepted by setting the password: a second cohort's invitation to an
        // account the first one made mails a password link too, and may be the last thing waiting on the account.
        // Both steps look at the account itself (unconfirmed, nothing else waiting), so a confirmed person is untouched.
        if (member is { Status: CohortMemberStatus.Invited })
        {
            await RevokeInvitationLinkAsync(member.UserId, cancellationToken);
            await LeaveInvitationsOrganisationAsync(cohortId, member.UserId, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return member.Status;
    }

    // An invitation mail still waiting in the outbox would arrive after the withdrawal with a link that no longer
    // works. Only this person's invitations to this cohort go; a message a dispatcher holds a lease on is being sent
    // at this moment and is left to it (deleting it under the dispatcher would fail its save of the outcome).
    private async Task CancelUnsentInvitationsAsync(int cohortId, string userId, CancellationToken cancellationToken)
    {
        var subjectId = CohortMails.InvitationSubjectId(cohortId, userId);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.OutboxMessages
            .Where(m => m.SubjectType == CohortMails.InvitationSubjectType && m.SubjectId == subjectId && m.SentAtUtc == null
                && (m.LeaseUntilUtc == null || m.LeaseUntilUtc <= now))
            .ExecuteDeleteAsync(cancellationToken);
    }

    // The withdrawn invitation made the account (or took it over), and its mailed link would still set a password
    // and sign in. A new security stamp voids that link, unless another cohort's invitation is also waiting on it.
    // The account itself goes with the other never-confirmed ones, by the retention job.
    private async Task RevokeInvitationLinkAsync(string userId, CancellationToken cancellationToken)
    {
        if (await db.CohortMembers.AnyAsync(m => m.UserId == userId, cancellationToken)
            || await users.FindByIdAsync(userId) is not { EmailConfirmed: false } user)
        {
            return;
        }

        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The withdrawn invitation's link could not be voided: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    // The withdrawn invitation made the account, which was put in the cohort's organisation for it. Nobody has used the
    // account (no password, never signed in: the address is unconfirmed), so nobody ever joined: it leaves the
    // organisation, and its coordinators' scope, unless another cohort of that organisation still invites it. The
    // account itself goes with the other never-confirmed ones, by the retention job.
    private async Task LeaveInvitationsOrganisationAsync(int cohortId, string userId, CancellationToken cancellationToken)
    {
        var cohort = await db.Cohorts.Where(c => c.Id == cohortId).Select(c => new { c.OrganisationId, c.Region }).SingleAsync(cancellationToken);
        var organisationId = cohort.OrganisationId;
        if (organisationId is null)
        {
            await LeaveInvitationsRegionAsync(cohortId, cohort.Region, userId, cancellationToken);
            return;
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.OrganisationId == organisationId
            && u.MembershipSource == Organisations.MembershipSource.Invitation && !u.EmailConfirmed && u.PasswordHash == null, cancellationToken);
        if (user is null || await db.CohortMembers.AnyAsync(m => m.UserId == userId && m.Cohort!.OrganisationId == organisationId, cancellationToken))
        {
            return;
        }

        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId, cancellationToken);
        Organisations.Memberships.Set(user, null, null);
        audit.Record(Audit.AuditActions.MembershipInvitationWithdrawn, userId, Organisations.Memberships.InvitationDetails(organisation, cohortId));
        await db.SaveChangesAsync(cancellationToken);
    }

    // The same for a cohort with a region and no organisation: the account it made has the region only because of
    // the invitation (Memberships.SetRegionOfInvitation), and loses it unless another such cohort of the region still
    // invites it.
    private async Task LeaveInvitationsRegionAsync(int cohortId, string? region, string userId, CancellationToken cancellationToken)
    {
        var user = region is null ? null : await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.OrganisationId == null && u.Region == region
            && u.MembershipSource == Organisations.MembershipSource.Invitation && !u.EmailConfirmed && u.PasswordHash == null, cancellationToken);
        if (user is null || await db.CohortMembers.AnyAsync(m => m.UserId == userId && m.Cohort!.OrganisationId == null && m.Cohort.Region == region, cancellationToken))
        {
            return;
        }

        (user.Region, user.MembershipSource) = (null, null);
        audit.Record(Audit.AuditActions.MembershipInvitationWithdrawn, userId, Organisations.Memberships.RegionInvitationDetails(region!, cohortId));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The cohort page shows this many rows of each of its lists at a time.</summary>
    public const int PageSize = 50;

    /// <summary>
    /// Every accepted member with where they stand in the cohort's course (for reminders). Standing is counted in the
    /// database (completion, any lesson read or opened), never per person.
    /// </summary>
    public async Task<IReadOnlyList<MemberState>> StatesAsync(Cohort cohort, CancellationToken cancellationToken) =>
        await States(cohort, CohortMemberStatus.Member, null).ToListAsync(cancellationToken);

    /// <summary>
    /// One page of the cohort page's members (<see cref="CohortMemberStatus.Member"/>) or declined invitations
    /// (<see cref="CohortMemberStatus.Declined"/>), optionally only those whose name or address contains the search.
    /// </summary>
    public Task<PagedList<MemberState>> StatesPageAsync(Cohort cohort, CohortMemberStatus status, string? search, int page, CancellationToken cancellationToken) =>
        PagedList<MemberState>.ReadAsync(States(cohort, status, search), page, PageSize, cancellationToken);

    /// <summary>How many members, pending and declined invitations the cohort has in all, whatever the page shows.</summary>
    public async Task<IReadOnlyDictionary<CohortMemberStatus, int>> CountsAsync(Cohort cohort, CancellationToken cancellationToken) =>
        await db.CohortMembers.AsNoTracking().Where(m => m.CohortId == cohort.Id).GroupBy(m => m.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    // A declined row shows (and is searched by) only the name the coordinator typed, like a pending one
    // (CohortService.PendingPageAsync): the account's own name is not theirs to see.
    private IQueryable<MemberState> States(Cohort cohort, CohortMemberStatus status, string? search)
    {
        var course = cohort.CourseId;
        var started = Learning.CourseStart.StartedUserIds(db, course);
        var declined = status == CohortMemberStatus.Declined;
        var rows = from m in db.CohortMembers.AsNoTracking()
                   join u in db.Users on m.UserId equals u.Id
                   where m.CohortId == cohort.Id && m.Status == status
                   select new { m, u };
        if (search is not null)
        {
            rows = rows.WhereContains(search, r => declined ? r.m.InvitedName ?? "" : r.u.FullName, r => r.u.Email!);
        }

        // The member id last: people of the same name keep their place from one page to the next.
        var ordered = declined ? rows.OrderBy(r => r.u.Email).ThenBy(r => r.m.Id) : rows.OrderBy(r => r.u.FullName).ThenBy(r => r.m.Id);
        return ordered.Select(r => new MemberState(
            r.m.Id,
            declined ? r.m.InvitedName ?? "" : r.u.FullName,
            r.u.Email ?? "",
            declined ? null : r.u.Organisation,
            declined ? MemberStanding.Declined
            : db.CourseCompletions.Any(c => c.UserId == r.m.UserId && c.CourseId == course) ? MemberStanding.Completed
            : started.Contains(r.m.UserId) ? MemberStanding.InProgress
            : MemberStanding.NotStarted,
            r.m.UserId,
            r.m.RemindersOffAtUtc != null));
    }
}

public sealed record CohortEdit(string Name, string CourseId, DateOnly StartsOn, DateOnly EndsOn);

public enum MemberStanding
{
    NotStarted,
    InProgress,
    Completed,
    Declined,
}

public sealed record MemberState(int MemberId, string FullName, string Email, string? Organisation, MemberStanding Standing, string UserId, bool RemindersOff = false);
