using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Certificates;

/// <summary>Completing a course delivers exactly one certificate mail to a real SMTP server, even when it was down.</summary>
public sealed class CertificateDeliveryTests
{
    [Fact]
    public async Task Completing_a_course_mails_one_certificate_whose_PDF_matches_the_stored_one()
    {
        using var smtp = new SmtpTestServer();
        await smtp.StartAsync();
        using var learning = new LearningSite(SmtpTestServer.SiteSettings(smtp.Port));
        var p = await learning.ParticipantAsync("aatu@example.fi", "Åke Äijälä-Öhman");

        await p.CompleteAllAsync();

        var messages = await smtp.WaitForMessagesAsync(1);
        await AllCertificateMailSentAsync(learning);
        var certificateMails = smtp.Messages().Where(m => m.Attachments.Any()).ToList();
        var mail = Assert.Single(certificateMails);
        var stored = await learning.DbAsync(db => db.Certificates.SingleAsync(c => c.UserId == p.UserId));
        var pdf = PdfBytes(mail);
        Assert.Equal(stored.PdfSha256, Convert.ToHexStringLower(SHA256.HashData(pdf)));
        var text = PdfTexts.Of(pdf);
        Assert.Contains("Åke Äijälä-Öhman", text);
        Assert.Contains("Pieni kurssi", text);
        Assert.Contains(stored.CompletedOn.ToString("d.M.yyyy", System.Globalization.CultureInfo.InvariantCulture), text);
        Assert.Contains(stored.VerificationCode, text);
        Assert.Contains($"/verify/{stored.VerificationCode}", mail.TextBody);
        Assert.Single(messages, m => m.Attachments.Any());
    }

    [Fact]
    public async Task With_the_mail_server_down_completion_succeeds_and_the_certificate_arrives_once_later()
    {
        using var smtp = new SmtpTestServer();
        using var learning = new LearningSite(SmtpTestServer.SiteSettings(smtp.Port));
        var p = await learning.ParticipantAsync();

        await p.CompleteAllAsync();

        Assert.Equal(1, await learning.CompletionsAsync(p.UserId));
        Assert.Contains("Suoritetut", await p.Client.GetStringAsync("/my-studies"));
        await smtp.StartAsync();
        await smtp.WaitForMessagesAsync(1);
        await AllCertificateMailSentAsync(learning);
        Assert.Single(smtp.Messages(), m => m.Attachments.Any());
    }

    /// <summary>
    /// Waits until one certificate mail is in the outbox and marked sent. A row is marked sent only after the server
    /// accepted it and is not picked up again, so from here on no second copy can arrive: no sleep is needed to be sure.
    /// </summary>
    private static Task AllCertificateMailSentAsync(LearningSite learning) =>
        Eventually.TrueAsync(
            async () => await learning.DbAsync(db => db.OutboxMessages.Where(m => m.SubjectType == CertificateMails.SubjectType)
                .Select(m => m.SentAtUtc != null).ToListAsync()) is [true],
            "the certificate mail to be marked sent", 15_000);

    private static byte[] PdfBytes(MimeMessage mail)
    {
        var part = mail.Attachments.OfType<MimePart>().Single(a => a.ContentType.MimeType == "application/pdf");
        using var bytes = new MemoryStream();
        part.Content!.DecodeTo(bytes);
        return bytes.ToArray();
    }

}
