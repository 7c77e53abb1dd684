using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Privacy;

/// <summary>
/// Where one person's records are: the export reads these and deletion removes them, so the two cannot drift
/// apart. A table that gains a person's data must be added here (and to both tests).
/// </summary>
internal static class PersonalRecords
{
    /// <summary>
    /// Mail is theirs if it went to their address or is about one of their certificates, task answers or cohort
    /// invitations (so mail to an address they changed since is found too).
    /// </summary>
    public static IQueryable<OutboxMessage> MailOf(AppDbContext db, string userId, string? normalizedEmail)
    {
        var codes = db.Certificates.Where(c => c.UserId == userId).Select(c => c.VerificationCode);
        var answers = db.TaskAnswers.Where(a => a.UserId == userId).Select(a => a.Id.ToString());
        var invitee = CohortMails.InviteeSuffix(userId);
        return db.OutboxMessages.Where(m =>
            (normalizedEmail != null && m.ToAddress.ToUpper() == normalizedEmail)
            || (m.SubjectType == CertificateMails.SubjectType && codes.Contains(m.SubjectId!))
            || (m.SubjectType == TaskFeedbackMails.SubjectType && answers.Contains(m.SubjectId!))
            || (m.SubjectType == CohortMails.InvitationSubjectType && m.SubjectId!.EndsWith(invitee)));
    }
}
