using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Cohorts;

/// <summary>
/// Invitations to a cohort. They are shaped like account mails (and counted with them, category "account"), but
/// belong here: Accounts knows nothing of cohorts. Each adds the mail to the outbox without saving.
/// </summary>
public sealed class CohortMails(AccountMails accountMails)
{
    /// <summary>A new person (or an address that never confirmed its account) invited to a cohort: the link sets a password.</summary>
    public void EnqueueInvitation(AppUser user, Cohort cohort, string link) =>
        accountMails.Enqueue(Email.MailRecipient.Of(user), "Mail.Invite.Subject", "Mail.Invite.Body", link, cohort.Name);

    /// <summary>Someone with an account of their own is asked to join a cohort; nothing changes until they accept.</summary>
    public void EnqueueJoinInvitation(AppUser user, Cohort cohort, string link) =>
        accountMails.Enqueue(Email.MailRecipient.Of(user), "Mail.Join.Subject", "Mail.Join.Body", link, cohort.Name);
}
