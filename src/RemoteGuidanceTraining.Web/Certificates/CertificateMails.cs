using MimeKit;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Certificates;

/// <summary>The certificate mails, in the recipient's language: a new or corrected certificate with the stored PDF attached, and a revocation.</summary>
public sealed class CertificateMails(AppMailer mailer, MailComposer composer, PublicUrls urls)
{
    public const string Category = "certificate";

    /// <summary>What <see cref="Email.OutboxMessage.SubjectType"/> says for a certificate mail; SubjectId is the verification code.</summary>
    public const string SubjectType = "certificate";

    /// <summary>
    /// Adds the mail to the outbox in the caller's unit of work. With <paramref name="replaces"/> it is a corrected
    /// certificate, or a new one after a revocation: no congratulations again, but which earlier one it follows and
    /// that that one is no longer valid.
    /// </summary>
    public OutboxMessage EnqueueCertificate(AppUser user, Certificate certificate, Certificate? replaces = null, string? reason = null)
    {
        var writtenIn = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var title = new InLanguage(certificate.CourseTitle, certificate.Language);
        var mail = composer.Compose(MailRecipient.Of(user), draft =>
        {
            if (replaces is null)
            {
                draft.Subject = draft.T["Mail.Certificate.Subject", certificate.CourseTitle];
                draft.Paragraph("Mail.Certificate.Body", title);
            }
            else
            {
                // A correction replaces a valid certificate; a new one after a revocation follows one already void.
                var kind = replaces.Status == CertificateStatus.Revoked ? "Mail.AfterRevocation" : "Mail.Reissued";
                draft.Subject = draft.T[kind + ".Subject", certificate.CourseTitle];
                draft.Paragraph(kind + ".Body", title, replaces.SerialNumber, replaces.VerificationCode);
                Reason(draft, reason, writtenIn);
            }

            draft.Paragraph(draft.T["Mail.Certificate.Verify", certificate.VerificationCode]).Link(urls.Verification(certificate.VerificationCode));
        });

        var pdf = new MimePart("application", "pdf")
        {
            Content = new MimeContent(new MemoryStream(certificate.Pdf)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = FileNameOf(certificate),
        };
        return Tag(mailer.Enqueue(mail, Category, [pdf]), certificate);
    }

    /// <summary>
    /// Tells the holder their certificate was revoked, in the caller's unit of work (the revocation's transaction).
    /// The coordinator's reason goes to the holder only: the public verification page never shows it.
    /// <paramref name="revokedAtUtc"/> is the time the revocation recorded, so the mail and the record say the same day.
    /// </summary>
    public OutboxMessage EnqueueRevocation(AppUser user, Certificate certificate, DateTime revokedAtUtc)
    {
        var writtenIn = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var mail = composer.Compose(MailRecipient.Of(user), draft =>
        {
            draft.Subject = draft.T["Mail.Revoked.Subject", certificate.CourseTitle];
            draft.Paragraph("Mail.Revoked.Body", new InLanguage(certificate.CourseTitle, certificate.Language), certificate.SerialNumber,
                certificate.VerificationCode, HelsinkiTime.Date(revokedAtUtc));
            Reason(draft, certificate.RevokedReason, writtenIn);
            draft.Paragraph(draft.T["Mail.Revoked.Verify"]).Link(urls.Verification(certificate.VerificationCode))
                .Paragraph(draft.T["Mail.Certificate.Contact", draft.SiteName]);
        });
        return Tag(mailer.Enqueue(mail, Category), certificate);
    }

    public static string FileNameOf(Certificate certificate) => $"{certificate.SerialNumber}-{certificate.CourseId}.pdf";

    /// <summary>
    /// The coordinator's own words, line breaks kept, under a label in the mail's language. They are in the language of
    /// the page the coordinator wrote them on: the request's, which is current until the mail is composed.
    /// </summary>
    private static void Reason(MailDraft draft, string? reason, string writtenIn)
    {
        if (!string.IsNullOrWhiteSpace(reason))
        {
            draft.Lines(draft.T["Mail.Certificate.Reason"], new InLanguage(reason.Trim(), writtenIn));
        }
    }

    // Linked by the verification code (known before the insert, unlike the id): status pages find this mail by it.
    private static OutboxMessage Tag(OutboxMessage message, Certificate certificate)
    {
        (message.SubjectType, message.SubjectId) = (SubjectType, certificate.VerificationCode);
        return message;
    }
}
