using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Accounts;

/// <summary>
/// The mails an account receives, each written in the recipient's preferred language. Every link comes from
/// <see cref="PasswordLinks"/> or <see cref="Certificates.PublicUrls"/>, so from App:PublicBaseUrl, never from the request.
/// Each method adds the mail to the outbox without saving: it commits with the caller's change.
/// </summary>
public sealed class AccountMails(AppMailer mailer, IStringLocalizer<SharedResource> t, IOptions<AppOptions> app)
{
    public const string Category = "account";

    public void EnqueueConfirmation(AppUser user, string link) =>
        Enqueue(user, user.Email!, "Mail.Confirm.Subject", "Mail.Confirm.Body", link, app.Value.SiteName);

    public void EnqueuePasswordReset(AppUser user, string link) =>
        Enqueue(user, user.Email!, "Mail.Reset.Subject", "Mail.Reset.Body", link, app.Value.SiteName);

    public void EnqueueEmailChange(AppUser user, string newEmail, string link) =>
        Enqueue(user, newEmail, "Mail.ChangeEmail.Subject", "Mail.ChangeEmail.Body", link, app.Value.SiteName);

    /// <summary>To the old address, so a hijacked session that changes the e-mail does not go unnoticed.</summary>
    public void EnqueueEmailChangeNotice(AppUser user, string oldEmail, string newEmail, string link) =>
        Enqueue(user, oldEmail, "Mail.EmailChanged.Subject", "Mail.EmailChanged.Body", link, newEmail);

    /// <summary>A new person (or an address that never confirmed its account) invited to a cohort: the link sets a password.</summary>
    public void EnqueueInvitation(AppUser user, Cohorts.Cohort cohort, string link) =>
        Enqueue(user, user.Email!, "Mail.Invite.Subject", "Mail.Invite.Body", link, cohort.Name);

    /// <summary>Someone with an account of their own is asked to join a cohort; nothing changes until they accept.</summary>
    public void EnqueueJoinInvitation(AppUser user, Cohorts.Cohort cohort, string link) =>
        Enqueue(user, user.Email!, "Mail.Join.Subject", "Mail.Join.Body", link, cohort.Name);

    private void Enqueue(AppUser user, string to, string subjectKey, string bodyKey, string link, string argument)
    {
        using (Cultures.Use(user.PreferredLanguage))
        {
            var site = app.Value.SiteName;
            var greeting = t["Mail.Greeting", user.FullName].Value;
            var body = t[bodyKey, site, argument].Value;
            var ignore = t["Mail.IgnoreIfNotYou"].Value;
            var text = $"{greeting}\n\n{body}\n\n{link}\n\n{ignore}\n\n{site}\n";
            var html = $"<p>{Html(greeting)}</p><p>{Html(body)}</p><p><a href=\"{Html(link)}\">{Html(link)}</a></p>" +
                $"<p>{Html(ignore)}</p><p>{Html(site)}</p>";
            mailer.Enqueue(new OutgoingMail(to, user.FullName, t[subjectKey, site, argument], text, html), Category);
        }
    }

    private static string Html(string text) => HtmlEncoder.Default.Encode(text);
}
