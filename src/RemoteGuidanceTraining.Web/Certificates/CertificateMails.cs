using MimeKit;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;

namespace RemoteGuidanceTraining.Web.Certificates;

/// <summary>The certificate mail, in the recipient's language, with the stored PDF attached.</summary>
public sealed class CertificateMails(AppMailer mailer, MailComposer composer, PublicUrls urls)
{
    public const string Category = "certificate";

    /// <summary>What <see cref="Email.OutboxMessage.SubjectType"/> says for a certificate mail; SubjectId is the verification code.</summary>
    public const string SubjectType = "certificate";

    /// <summary>Adds the mail to the outbox in the caller's unit of work.</summary>
    public OutboxMessage EnqueueCertificate(AppUser user, Certificate certificate)
    {
        var mail = composer.Compose(MailRecipient.Of(user), draft =>
        {
            draft.Subject = draft.T["Mail.Certificate.Subject", certificate.CourseTitle];
            draft.Paragraph("Mail.Certificate.Body", new InLanguage(certificate.CourseTitle, certificate.Language))
                .Paragraph(draft.T["Mail.Certificate.Verify", urls.Verification(certificate.VerificationCode), certificate.VerificationCode]);
        });

        var pdf = new MimePart("application", "pdf")
        {
            Content = new MimeContent(new MemoryStream(certificate.Pdf)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = FileNameOf(certificate),
        };
        var message = mailer.Enqueue(mail, Category, [pdf]);
        // Linked by the verification code (known before the insert, unlike the id): status pages find this mail by it.
        (message.SubjectType, message.SubjectId) = (SubjectType, certificate.VerificationCode);
        return message;
    }

    public static string FileNameOf(Certificate certificate) => $"{certificate.SerialNumber}-{certificate.CourseId}.pdf";
}
