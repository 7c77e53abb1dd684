using Microsoft.Extensions.Options;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;

namespace RemoteGuidanceTraining.Web.Accounts;

/// <summary>
/// The mails about an account itself, laid out by <see cref="MailComposer"/> in the recipient's language. Every link
/// comes from <see cref="PasswordLinks"/> or <see cref="Certificates.PublicUrls"/>, so from App:PublicBaseUrl, never
/// from the request. Each method adds the mail to the outbox without saving: it commits with the caller's change.
/// (Cohort invitations are the Cohorts feature's own mails, in the same shape.)
/// </summary>
public sealed class AccountMails(AppMailer mailer, MailComposer composer, IOptions<AppOptions> app)
{
    public const string Category = "account";

    /// <summary>
    /// What <see cref="OutboxMessage.SubjectType"/> says for mail about an account; SubjectId is the account's id. The
    /// export and deletion find the mail by it whatever address it went to: the old one, or one the person only asked for.
    /// </summary>
    public const string SubjectType = "account";

    /// <summary>Ties a mail to the account it is about (see <see cref="SubjectType"/>).</summary>
    public static void Tag(OutboxMessage message, string userId) => (message.SubjectType, message.SubjectId) = (SubjectType, userId);

    /// <summary>
    /// Greets no one by name: the name was typed by whoever registered the address, who need not be its owner, and
    /// the site does not carry a stranger's words to an unproven mailbox.
    /// </summary>
    public void EnqueueConfirmation(AppUser user, string link) =>
        Tag(Enqueue(MailRecipient.Of(user) with { Name = "" }, "Mail.Confirm.Subject", "Mail.Confirm.Body", link, app.Value.SiteName), user.Id);

    public void EnqueuePasswordReset(AppUser user, string link) =>
        Tag(Enqueue(MailRecipient.Of(user), "Mail.Reset.Subject", "Mail.Reset.Body", link, app.Value.SiteName), user.Id);

    /// <summary>To the address asked for: tagged with the account, as that address may belong to someone else later.</summary>
    public void EnqueueEmailChange(AppUser user, string newEmail, string link) =>
        Tag(Enqueue(MailRecipient.Of(user) with { Address = newEmail }, "Mail.ChangeEmail.Subject", "Mail.ChangeEmail.Body", link, app.Value.SiteName), user.Id);

    /// <summary>
    /// To an address asked for that another account holds: its owner learns why nothing moved and how to sign in with
    /// it. Nothing the asker sees tells it from the link a free address gets: the page says the same, and in the
    /// asker's data export (which lists their account mails by recipient and subject) both have the same subject.
    /// It greets no one: the asker's name is not the mailbox owner's to read.
    /// </summary>
    public void EnqueueEmailTaken(AppUser user, string newEmail, string link) =>
        Tag(Enqueue(MailRecipient.Of(user) with { Address = newEmail, Name = "" }, "Mail.ChangeEmail.Subject", "Mail.EmailTaken.Body", link, app.Value.SiteName), user.Id);

    /// <summary>
    /// To the old address, so a hijacked session that changes the e-mail does not go unnoticed. A warning, so it
    /// closes with what to do if the change was the reader's own, never with "you can ignore this".
    /// </summary>
    public void EnqueueEmailChangeNotice(AppUser user, string oldEmail, string newEmail, string link) =>
        Tag(Enqueue(MailRecipient.Of(user) with { Address = oldEmail }, "Mail.EmailChanged.Subject", "Mail.EmailChanged.Body", link, newEmail,
            closing: mail => mail.T["Mail.EmailChanged.IfYou"]), user.Id);

    /// <summary>
    /// An account mail's one shape: the body (its texts take the site's name and one argument), the link, and a
    /// closing line in the recipient's language, by default for whoever did not ask for it. Cohort invitations share
    /// it with a closing of their own (nobody asked for an invitation) and tag the row it returns.
    /// </summary>
    internal OutboxMessage Enqueue(MailRecipient to, string subjectKey, string bodyKey, string link, string argument,
        Func<MailDraft, string>? closing = null) =>
        mailer.Enqueue(composer.Compose(to, mail =>
        {
            mail.Subject = mail.T[subjectKey, mail.SiteName, argument];
            mail.Paragraph(mail.T[bodyKey, mail.SiteName, argument]).Link(link).Paragraph(closing?.Invoke(mail) ?? mail.T["Mail.IgnoreIfNotYou"]);
        }), Category);
}
