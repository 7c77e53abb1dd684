using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;

namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>
/// Tells a participant that a trainer has answered their development task, or returned it for revision (the
/// feedback itself stays on the site).
/// </summary>
public sealed class TaskFeedbackMails(AppMailer mailer, MailComposer composer)
{
    public const string Category = "feedback";

    public const string SubjectType = "task-answer";

    /// <summary>Adds the mail to the outbox without saving: it commits with the feedback it announces.</summary>
    public void Enqueue(AppUser participant, TaskAnswer answer, InLanguage courseTitle, string link, bool returned = false)
    {
        var mail = composer.Compose(MailRecipient.Of(participant), draft =>
        {
            draft.Subject = draft.T[returned ? "Mail.Returned.Subject" : "Mail.Feedback.Subject", courseTitle];
            draft.Paragraph(returned ? "Mail.Returned.Body" : "Mail.Feedback.Body", courseTitle).Link(link);
        });

        var message = mailer.Enqueue(mail, Category);
        (message.SubjectType, message.SubjectId) = (SubjectType, answer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
