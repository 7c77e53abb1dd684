using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Certificates;

/// <summary>The certificate mail, in the recipient's language, with the stored PDF attached.</summary>
public sealed class CertificateMails(AppMailer mailer, IStringLocalizer<SharedResource> t, IOptions<AppOptions> app, PublicUrls urls)
{
    public const string Category = "certificate";

    /// <summary>What <see cref="Email.OutboxMessage.SubjectType"/> says for a certificate mail; SubjectId is the verification code.</summary>
    public const string SubjectType = "certificate";

    /// <summary>Adds the mail to the outbox in the caller's unit of work.</summary>
    public OutboxMessage EnqueueCertificate(AppUser user, Certificate certificate)
    {
        OutgoingMail mail;
        using (Cultures.Use(user.PreferredLanguage))
        {
            var site = app.Value.SiteName;
            var greeting = t["Mail.Greeting", user.FullName].Value;
            var body = t["Mail.Certificate.Body", certificate.CourseTitle].Value;
            var verify = t["Mail.Certificate.Verify", urls.Verification(certificate.VerificationCode), certificate.VerificationCode].Value;
            var text = $"{greeting}\n\n{body}\n\n{verify}\n\n{site}\n";
            var html = $"<p>{Html(greeting)}</p><p>{Html(body)}</p><p>{Html(verify)}</p><p>{Html(site)}</p>";
            mail = new OutgoingMail(user.Email!, user.FullName, t["Mail.Certificate.Subject", certificate.CourseTitle], text, html);
        }

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

    private static string Html(string text) => HtmlEncoder.Default.Encode(text);
}
