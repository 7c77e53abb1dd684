using RemoteGuidanceTraining.Web.Accounts;
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
    /// Mail is theirs if it is tagged with their account (every account mail: to an address they had, have or asked
    /// for), or about one of their certificates, task answers, cohort invitations or reminders. Mail to their current
    /// address counts only when no tag names its person (written before mail was tagged): a row tagged with another
    /// account stays, e.g. that account's pending change to an address this person took later.
    /// </summary>
    public static IQueryable<OutboxMessage> MailOf(AppDbContext db, string userId, string? normalizedEmail)
    {
        var codes = db.Certificates.Where(c => c.UserId == userId).Select(c => c.VerificationCode);
        var answers = db.TaskAnswers.Where(a => a.UserId == userId).Select(a => a.Id.ToString());
        var person = CohortMails.InviteeSuffix(userId);
        return db.OutboxMessages.Where(m =>
            (m.SubjectType == AccountMails.SubjectType && m.SubjectId == userId)
            || (m.SubjectType == CertificateMails.SubjectType && codes.Contains(m.SubjectId!))
            || (m.SubjectType == TaskFeedbackMails.SubjectType && answers.Contains(m.SubjectId!))
            || ((m.SubjectType == CohortMails.InvitationSubjectType || m.SubjectType == CohortReminders.SubjectType
                    || m.SubjectType == CohortReminders.AutomaticSubjectType) && m.SubjectId!.EndsWith(person))
            || (normalizedEmail != null && m.ToAddress.ToUpper() == normalizedEmail && (m.SubjectType == null
                || ((m.SubjectType == CohortReminders.SubjectType || m.SubjectType == CohortReminders.AutomaticSubjectType) && !m.SubjectId!.Contains(":")))));
    }
}
