using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Accounts;

/// <summary>The mails an account receives, each written in the recipient's preferred language.</summary>
public sealed class AccountMails(AppMailer mailer, IStringLocalizer<SharedResource> t, IOptions<AppOptions> app)
{
    public const string Category = "account";

    public Task SendConfirmationAsync(AppUser user, string link) =>
        SendAsync(user, user.Email!, "Mail.Confirm.Subject", "Mail.Confirm.Body", link);

    public Task SendPasswordResetAsync(AppUser user, string link) =>
        SendAsync(user, user.Email!, "Mail.Reset.Subject", "Mail.Reset.Body", link);

    public Task SendEmailChangeAsync(AppUser user, string newEmail, string link) =>
        SendAsync(user, newEmail, "Mail.ChangeEmail.Subject", "Mail.ChangeEmail.Body", link);

    /// <summary>Adds the invitation to the outbox inside the caller's import transaction.</summary>
    public void EnqueueInvitation(AppUser user, Cohorts.Cohort cohort, string link) =>
        mailer.Enqueue(Compose(user, user.Email!, "Mail.Invite.Subject", "Mail.Invite.Body", link, cohort.Name), Category);

    private async Task SendAsync(AppUser user, string to, string subjectKey, string bodyKey, string link) =>
        await mailer.SendAsync(Compose(user, to, subjectKey, bodyKey, link, app.Value.SiteName), Category);

    private OutgoingMail Compose(AppUser user, string to, string subjectKey, string bodyKey, string link, string subject)
    {
        using (Cultures.Use(user.PreferredLanguage))
        {
            var site = app.Value.SiteName;
            var greeting = t["Mail.Greeting", user.FullName].Value;
            var body = t[bodyKey, site, subject].Value;
            var ignore = t["Mail.IgnoreIfNotYou"].Value;
            var text = $"{greeting}\n\n{body}\n\n{link}\n\n{ignore}\n\n{site}\n";
            var html = $"<p>{Html(greeting)}</p><p>{Html(body)}</p><p><a href=\"{Html(link)}\">{Html(link)}</a></p>" +
                $"<p>{Html(ignore)}</p><p>{Html(site)}</p>";
            return new OutgoingMail(to, user.FullName, t[subjectKey, site, subject], text, html);
        }
    }

    private static string Html(string text) => HtmlEncoder.Default.Encode(text);
}
