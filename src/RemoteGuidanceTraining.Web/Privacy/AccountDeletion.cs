using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Audit;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;

namespace RemoteGuidanceTraining.Web.Privacy;

/// <summary>
/// Deletes a person's account and personal data in one transaction: learning records, task answers, cohort
/// memberships, coordinator scopes, the guidance network profile, mail to them (with the transport's copies: the
/// pickup folder's .eml files), roles and sign-in data. Issued certificates stay, with the
/// name printed on them, as the issuer's record (see the privacy notice): /verify keeps answering for them.
/// Their account row then stays as an anonymous stub (no name, address or password) because certificates refer
/// to it; without certificates the row is deleted.
/// </summary>
public sealed class AccountDeletion(AppDbContext db, AuditLog audit, IMailTransport transport)
{
    public async Task DeleteAsync(AppUser user, string? actorUserId, CancellationToken cancellationToken = default)
    {
        var id = user.Id;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Mail first: it is found through the certificates and answers below. Unsent ones too: one may have been
        // written just before its row was marked sent.
        var mail = PersonalRecords.MailOf(db, id, user.NormalizedEmail);
        var mailIds = await mail.Select(m => m.MessageId).ToListAsync(cancellationToken);
        await mail.ExecuteDeleteAsync(cancellationToken);
        await db.LessonCompletions.Where(x => x.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.QuizAttempts.Where(x => x.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.QuizResults.Where(x => x.UserId == id).ExecuteDeleteAsync(cancellationToken);
        // The answers' versions and feedback go with them, and so does the peer feedback the person gave; feedback they
        // gave as a trainer stays without their name. Peer feedback others gave on the person's answers stays theirs,
        // cut loose from the answer: it is the reviewer's work and may have met their requirement. Assignments not yet
        // answered go, so the reviewer is given another answer.
        var answers = db.TaskAnswers.Where(x => x.UserId == id).Select(x => (int?)x.Id);
        await db.PeerReviews.Where(x => x.ReviewerUserId == id || (answers.Contains(x.TaskAnswerId) && x.GivenAtUtc == null)).ExecuteDeleteAsync(cancellationToken);
        await db.PeerReviews.Where(x => answers.Contains(x.TaskAnswerId)).ExecuteUpdateAsync(s => s.SetProperty(x => x.TaskAnswerId, (int?)null), cancellationToken);
        await db.TaskAnswerVersions.Where(x => answers.Contains(x.TaskAnswerId)).ExecuteDeleteAsync(cancellationToken);
        await db.TaskFeedbacks.Where(x => answers.Contains(x.TaskAnswerId)).ExecuteDeleteAsync(cancellationToken);
        await db.TaskFeedbacks.Where(x => x.ByUserId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ByUserId, (string?)null), cancellationToken);
        await db.TaskAnswers.Where(x => x.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.CourseCompletions.Where(x => x.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Enrollments.Where(x => x.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.CohortMembers.Where(x => x.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.CoordinatorAssignments.Where(x => x.UserId == id).ExecuteDeleteAsync(cancellationToken);
        // Its municipalities, tags and channels go with it (cascade from the profile row).
        await db.NetworkProfiles.Where(x => x.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.UserRoles.Where(x => x.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.UserClaims.Where(x => x.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.UserLogins.Where(x => x.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.UserTokens.Where(x => x.UserId == id).ExecuteDeleteAsync(cancellationToken);
        // The course files' history keeps the versions a trainer saved, not their name: pages say "a deleted user".
        await db.Set<Authoring.CourseFileRevision>().Where(x => x.AuthorId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.AuthorName, ""), cancellationToken);

        // Every table above is deleted by hand, not left to the cascade from the user row: that row stays when
        // certificates point to it, and then nothing would cascade. A table with a user key belongs above too.
        var keepsCertificates = await db.Certificates.AnyAsync(c => c.UserId == id, cancellationToken);
        if (keepsCertificates)
        {
            Anonymise(user);
        }
        else
        {
            await db.Users.Where(u => u.Id == id).ExecuteDeleteAsync(cancellationToken);
            db.Entry(user).State = EntityState.Detached;
        }

        audit.Record(AuditActions.AccountDeleted, id, actorUserId == id ? "self" : "on request", actorUserId);
        await db.SaveChangesAsync(cancellationToken);
        // The copies go last before the commit: a failure here leaves the account as it was, to be deleted again,
        // rather than a deleted account whose mail stays on disk with nothing left pointing to it. Once files start
        // going, the request's end no longer stops the deletion: an account whose mail files were removed is not left
        // behind by a closed tab.
        await transport.ForgetAsync(mailIds, CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    /// <summary>
    /// The anonymous row a deleted account leaves for its certificates: it has no address. Admin pages treat it as
    /// not found, so nothing (an organisation, a scope, a role) can be given to it.
    /// </summary>
    public static bool IsStub(AppUser user) => user.Email is null;

    /// <summary>Nothing that identifies the person is left; the stub can never sign in (no password, locked for good).</summary>
    private static void Anonymise(AppUser user)
    {
        var stub = $"deleted-{user.Id}";
        (user.UserName, user.NormalizedUserName, user.Email, user.NormalizedEmail) = (stub, stub.ToUpperInvariant(), null, null);
        (user.FullName, user.PhoneNumber, user.PasswordHash, user.EmailConfirmed) = ("", null, null, false);
        (user.OrganisationId, user.Organisation, user.Region, user.MembershipSource, user.SelfReportedOrganisation) = (null, null, null, null, null);
        (user.LockoutEnabled, user.LockoutEnd) = (true, DateTimeOffset.MaxValue);
        user.SecurityStamp = Guid.NewGuid().ToString();
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
    }
}
