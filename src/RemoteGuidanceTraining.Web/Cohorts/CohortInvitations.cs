using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Cohorts;

/// <summary>
/// A person's side of cohort invitations: accepting enrols them and lets the cohort's coordinator follow their
/// progress; declining leaves nothing visible. Until then the coordinator sees only the address they typed.
/// </summary>
public sealed class CohortInvitations(AppDbContext db, TimeProvider clock) : IPasswordSetHandler
{
    public async Task<IReadOnlyList<PendingInvitation>> PendingAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.CohortMembers.AsNoTracking()
            .Where(m => m.UserId == userId && m.Status == CohortMemberStatus.Invited)
            .OrderBy(m => m.InvitedAtUtc)
            .Select(m => new PendingInvitation(m.Id, m.Cohort!.Name, m.Cohort.CourseId, m.Cohort.Organisation, m.InvitedAtUtc))
            .ToListAsync(cancellationToken);

    /// <summary>Accepts one invitation; returns the course id, or null when there is no such pending invitation.</summary>
    public async Task<string?> AcceptAsync(string userId, int memberId, CancellationToken cancellationToken = default)
    {
        var member = await db.CohortMembers.Include(m => m.Cohort)
            .SingleOrDefaultAsync(m => m.Id == memberId && m.UserId == userId && m.Status == CohortMemberStatus.Invited, cancellationToken);
        if (member is null)
        {
            return null;
        }

        Accept(member);
        await db.SaveChangesAsync(cancellationToken);
        return member.Cohort!.CourseId;
    }

    public async Task<bool> DeclineAsync(string userId, int memberId, CancellationToken cancellationToken = default) =>
        await db.CohortMembers.Where(m => m.Id == memberId && m.UserId == userId && m.Status == CohortMemberStatus.Invited)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.Status, CohortMemberStatus.Declined), cancellationToken) == 1;

    Task IPasswordSetHandler.OnPasswordSetAsync(AppUser user, CancellationToken cancellationToken) => AcceptPasswordInvitationsAsync(user.Id, cancellationToken);

    /// <summary>The invitation link set the person's password: the invitations that came with such a link are accepted. Saved by the caller.</summary>
    public async Task AcceptPasswordInvitationsAsync(string userId, CancellationToken cancellationToken = default)
    {
        var pending = await db.CohortMembers.Include(m => m.Cohort)
            .Where(m => m.UserId == userId && m.Status == CohortMemberStatus.Invited && m.AcceptedBySettingPassword)
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

public sealed record PendingInvitation(int MemberId, string CohortName, string CourseId, string? Organisation, DateTime? InvitedAtUtc);
