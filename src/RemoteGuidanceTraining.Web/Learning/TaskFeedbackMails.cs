using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>
/// Tells a participant that a trainer has answered their development task, or returned it for revision (the
/// feedback itself stays on the site).
/// </summary>
public sealed class TaskFeedbackMails(AppMailer mailer, IStringLocalizer<SharedResource> t, IOptions<AppOptions> app)
{
    public const string Category = "feedback";

    public const string SubjectType = "task-answer";

    /// <summary>Adds the mail to the outbox without saving: it commits with the feedback it announces.</summary>
    public void Enqueue(AppUser participant, TaskAnswer answer, string courseTitle, string link, bool returned = false)
    {
        OutgoingMail mail;
        using (Cultures.Use(participant.PreferredLanguage))
        {
            var greeting = t["Mail.Greeting", participant.FullName].Value;
            var body = t[returned ? "Mail.Returned.Body" : "Mail.Feedback.Body", courseTitle].Value;
            var text = $"{greeting}\n\n{body}\n\n{link}\n\n{app.Value.SiteName}\n";
            var html = $"<p>{E(greeting)}</p><p>{E(body)}</p><p><a href=\"{E(link)}\">{E(link)}</a></p><p>{E(app.Value.SiteName)}</p>";
            mail = new OutgoingMail(participant.Email!, participant.FullName, t[returned ? "Mail.Returned.Subject" : "Mail.Feedback.Subject", courseTitle], text, html);
        }

        var message = mailer.Enqueue(mail, Category);
        (message.SubjectType, message.SubjectId) = (SubjectType, answer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string E(string text) => HtmlEncoder.Default.Encode(text);
}
