using System.Globalization;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;

namespace RemoteGuidanceTraining.Web.Cohorts;

/// <summary>
/// Invitations to a cohort. They are shaped like account mails (and counted with them, category "account"), but
/// belong here: Accounts knows nothing of cohorts. Each adds the mail to the outbox without saving, tagged with the
/// cohort and the invitee (<see cref="InvitationSubjectId"/>), so withdrawing that one invitation finds its mail.
/// </summary>
public sealed class CohortMails(AccountMails accountMails)
{
    /// <summary>What <see cref="OutboxMessage.SubjectType"/> says for both kinds of invitation.</summary>
    public const string InvitationSubjectType = "cohort-invitation";

    /// <summary>One person's invitation to one cohort: the cohort and the account, as the member row may not have its id yet.</summary>
    public static string InvitationSubjectId(int cohortId, string userId) =>
        string.Create(CultureInfo.InvariantCulture, $"{cohortId}{InviteeSuffix(userId)}");

    /// <summary>How every <see cref="InvitationSubjectId"/> of one person ends, whatever the cohort.</summary>
    public static string InviteeSuffix(string userId) => ":" + userId;

    /// <summary>A new person (or an address that never confirmed its account) invited to a cohort: the link sets a password.</summary>
    public void EnqueueInvitation(AppUser user, Cohort cohort, string link) =>
        Tag(accountMails.Enqueue(MailRecipient.Of(user), "Mail.Invite.Subject", "Mail.Invite.Body", link, cohort.Name,
            closing: mail => Closing(mail, cohort, "Mail.Invite.IfNotTakingPart")), cohort, user);

    /// <summary>Someone with an account of their own is asked to join a cohort; nothing changes until they accept.</summary>
    public void EnqueueJoinInvitation(AppUser user, Cohort cohort, string link) =>
        Tag(accountMails.Enqueue(MailRecipient.Of(user), "Mail.Join.Subject", "Mail.Join.Body", link, cohort.Name,
            closing: mail => Closing(mail, cohort, "Mail.Join.IfNotTakingPart")), cohort, user);

    /// <summary>
    /// Nobody asked for an invitation, so it does not close with "if you did not ask for this": it says who sent it
    /// (the cohort's coordinator, with the cohort's organisation or else its region) and that taking part is the
    /// reader's choice.
    /// </summary>
    private static string Closing(MailDraft mail, Cohort cohort, string notTakingPartKey)
    {
        var from = cohort.Organisation is { Length: > 0 } organisation ? organisation
            : cohort.Region is { Length: > 0 } region ? mail.T["Region." + region].Value : null;
        var sentBy = from is null ? mail.T["Mail.Invitation.SentBy"] : mail.T["Mail.Invitation.SentByFrom", from];
        return $"{sentBy} {mail.T[notTakingPartKey]}";
    }

    private static void Tag(OutboxMessage message, Cohort cohort, AppUser user) =>
        (message.SubjectType, message.SubjectId) = (InvitationSubjectType, InvitationSubjectId(cohort.Id, user.Id));
}
