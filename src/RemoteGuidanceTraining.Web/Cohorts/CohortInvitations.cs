using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Cohorts;

/// <summary>
/// A person's side of cohort invitations: accepting enrols them and lets the cohort's coordinator follow their
/// progress; declining leaves nothing visible. Until then the coordinator sees only the address they typed. An
/// archived cohort takes nobody in: its invitations stay pending (shown as archived) until it is reopened.
/// </summary>
public sealed class CohortInvitations(AppDbContext db, TimeProvider clock) : IPasswordSetHandler
{
    public async Task<IReadOnlyList<PendingInvitation>> PendingAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.CohortMembers.AsNoTracking()
            .Where(m => m.UserId == userId && m.Status == CohortMemberStatus.Invited)
            .OrderBy(m => m.InvitedAtUtc)
            .Select(m => new PendingInvitation(m.Id, m.Cohort!.Name, m.Cohort.CourseId, m.Cohort.Organisation, m.InvitedAtUtc, m.Cohort.ArchivedAtUtc != null))
            .ToListAsync(cancellationToken);

    /// <summary>Accepts one invitation, unless its cohort is archived: then nothing changes.</summary>
    public async Task<InvitationAnswer> AcceptAsync(string userId, int memberId, CancellationToken cancellationToken = default)
    {
        var member = await db.CohortMembers.Include(m => m.Cohort)
            .SingleOrDefaultAsync(m => m.Id == memberId && m.UserId == userId && m.Status == CohortMemberStatus.Invited, cancellationToken);
        if (member is null)
        {
            return InvitationAnswer.NotFound;
        }

        if (member.Cohort!.ArchivedAtUtc is not null)
        {
            return InvitationAnswer.Archived(member.Cohort.Name);
        }

        Accept(member);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            // The same invitation accepted twice at once (a double click, two tabs): the other request enrolled the
            // person first, and its acceptance is this one's too.
            db.ChangeTracker.Clear();
            var accepted = await db.CohortMembers.AnyAsync(m => m.Id == memberId && m.UserId == userId && m.Status == CohortMemberStatus.Member, cancellationToken);
            return accepted ? InvitationAnswer.Accepted(member.Cohort.CourseId) : InvitationAnswer.NotFound;
        }

        return InvitationAnswer.Accepted(member.Cohort.CourseId);
    }

    public async Task<bool> DeclineAsync(string userId, int memberId, CancellationToken cancellationToken = default) =>
        await db.CohortMembers.Where(m => m.Id == memberId && m.UserId == userId && m.Status == CohortMemberStatus.Invited)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.Status, CohortMemberStatus.Declined), cancellationToken) == 1;

    Task IPasswordSetHandler.OnPasswordSetAsync(AppUser user, CancellationToken cancellationToken) => AcceptPasswordInvitationsAsync(user.Id, cancellationToken);

    /// <summary>
    /// The invitation link set the person's password: the invitations that came with such a link are accepted, except
    /// those to an archived cohort, which stay pending (the person is shown them as archived). Saved by the caller.
    /// </summary>
    public async Task AcceptPasswordInvitationsAsync(string userId, CancellationToken cancellationToken = default)
    {
        var pending = await db.CohortMembers.Include(m => m.Cohort)
            .Where(m => m.UserId == userId && m.Status == CohortMemberStatus.Invited && m.AcceptedBySettingPassword && m.Cohort!.ArchivedAtUtc == null)
            .ToListAsync(cancellationToken);
        foreach (var member in pending)
        {
            Accept(member);
        }
    }

    private void Accept(CohortMember member)
    {
        member.Status = CohortMemberStatus.Member;
        member.AcceptedAtUtc = clock.GetUtcNow().UtcDateTime;
        var courseId = member.Cohort!.CourseId;
        if (!db.Enrollments.Local.Any(e => e.UserId == member.UserId && e.CourseId == courseId)
            && !db.Enrollments.Any(e => e.UserId == member.UserId && e.CourseId == courseId))
        {
            db.Enrollments.Add(new Enrollment { UserId = member.UserId, CourseId = courseId });
        }
    }
}

/// <summary>A pending invitation; one to an archived cohort cannot be accepted until the cohort is reopened.</summary>
public sealed record PendingInvitation(int MemberId, string CohortName, string CourseId, string? Organisation, DateTime? InvitedAtUtc, bool Archived = false);

/// <summary>What accepting an invitation did: joined (the course to go to), refused as archived (the cohort's name), or no such invitation.</summary>
public sealed record InvitationAnswer(string? CourseId, string? ArchivedCohort)
{
    public static readonly InvitationAnswer NotFound = new(null, null);

    public static InvitationAnswer Accepted(string courseId) => new(courseId, null);

    public static InvitationAnswer Archived(string cohortName) => new(null, cohortName);
}
