using System.Security.Cryptography;
using System.Text.Json;
using RemoteGuidanceTraining.Web.Certificates.Pdf;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Certificates;

/// <summary>
/// Creates a certificate, renders its PDF once and puts the mail with the PDF in the outbox. It saves inside the
/// caller's transaction: the completion, the certificate and its mail commit together or not at all.
/// </summary>
public sealed class CertificateIssuer(
    AppDbContext db, CertificatePdfRenderer renderer, CertificateMails mails, PublicUrls urls)
{
    /// <summary>
    /// Issues and mails a certificate. A reissue names in <paramref name="replaces"/> the certificate this one corrects
    /// and gives the coordinator's <paramref name="reason"/>: its mail then says so instead of congratulating again.
    /// </summary>
    public async Task<Certificate> IssueAsync(AppUser user, CourseFacts course, DateTime completedAtUtc, string? byUserId, string action,
        CancellationToken cancellationToken = default, Certificate? replaces = null, string? reason = null)
    {
        var certificate = New(user, course, completedAtUtc);
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync(cancellationToken); // the id numbers the serial

        Finish(certificate, course.Outcomes);
        db.CertificateEvents.Add(new CertificateEvent { CertificateId = certificate.Id, Action = action, ByUserId = byUserId });
        mails.EnqueueCertificate(user, certificate, replaces, reason);
        await db.SaveChangesAsync(cancellationToken);
        return certificate;
    }

    /// <summary>A certificate of what the course was at completion, without its serial number and PDF (it has no id yet).</summary>
    public static Certificate New(AppUser user, CourseFacts course, DateTime completedAtUtc) => new()
    {
        VerificationCode = VerificationCodes.New(),
        UserId = user.Id,
        CourseId = course.CourseId,
        Language = Cultures.SpokenOrDefault(course.Language),
        FullName = user.FullName,
        CourseTitle = course.Title,
        Credits = course.Credits,
        Hours = course.Hours,
        OutcomesJson = JsonSerializer.Serialize(course.Outcomes),
        CompletedAtUtc = completedAtUtc,
        CompletedOn = HelsinkiTime.DayOf(completedAtUtc),
        IssuerName = course.IssuerName,
        SignatoryName = course.SignatoryName,
        SignatoryTitle = course.SignatoryTitle,
        ContentVersion = course.Version,
    };

    /// <summary>Numbers a saved certificate by its id and renders its PDF. Thread-safe for different certificates.</summary>
    public void Finish(Certificate certificate, IReadOnlyList<string> outcomes)
    {
        certificate.SerialNumber = $"RGT-{certificate.CompletedOn.Year}-{certificate.Id:D6}";
        certificate.Pdf = renderer.Render(ContentOf(certificate, outcomes));
        certificate.PdfSha256 = Convert.ToHexStringLower(SHA256.HashData(certificate.Pdf));
    }

    public CertificateContent ContentOf(Certificate c, IReadOnlyList<string> outcomes) => new(
        c.Language, c.FullName, c.CourseTitle, c.Credits, c.Hours, outcomes, c.CompletedOn, c.IssuerName,
        c.SignatoryName, c.SignatoryTitle, c.SerialNumber, c.VerificationCode, urls.Verification(c.VerificationCode), c.ContentVersion);
}
