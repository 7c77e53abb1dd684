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

    private async Task SendAsync(AppUser user, string to, string subjectKey, string bodyKey, string link)
    {
        OutgoingMail mail;
        using (Cultures.Use(user.PreferredLanguage))
        {
            var site = app.Value.SiteName;
            var greeting = t["Mail.Greeting", user.FullName].Value;
            var body = t[bodyKey, site].Value;
            var ignore = t["Mail.IgnoreIfNotYou"].Value;
            var text = $"{greeting}\n\n{body}\n\n{link}\n\n{ignore}\n\n{site}\n";
            var html = $"<p>{Html(greeting)}</p><p>{Html(body)}</p><p><a href=\"{Html(link)}\">{Html(link)}</a></p>" +
                $"<p>{Html(ignore)}</p><p>{Html(site)}</p>";
            mail = new OutgoingMail(to, user.FullName, t[subjectKey, site], text, html);
        }

        await mailer.SendAsync(mail, Category);
    }

    private static string Html(string text) => HtmlEncoder.Default.Encode(text);
}
