using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;

namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>
/// Tells a participant that a trainer has accepted their development task, or returned it for revision (the
/// feedback itself stays on the site).
/// </summary>
public sealed class TaskFeedbackMails(AppMailer mailer, MailComposer composer)
{
    public const string Category = "feedback";

    public const string SubjectType = "task-answer";

    /// <summary>
    /// Adds the mail to the outbox without saving: it commits with the feedback it announces. Its subject says what the
    /// trainer decided (accepted, returned for revision), so the participant knows before opening the site.
    /// </summary>
    public void Enqueue(AppUser participant, TaskAnswer answer, InLanguage courseTitle, string link, TaskReviewState decision)
    {
        // A trainer's feedback always comes with one of the two decisions.
        var texts = decision == TaskReviewState.Returned ? "Mail.Returned" : "Mail.Accepted";
        var mail = composer.Compose(MailRecipient.Of(participant), draft =>
        {
            draft.Subject = draft.T[texts + ".Subject", courseTitle];
            draft.Paragraph(texts + ".Body", courseTitle).Link(link);
        });

        var message = mailer.Enqueue(mail, Category);
        (message.SubjectType, message.SubjectId) = (SubjectType, answer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
