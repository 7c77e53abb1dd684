using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Certificates;

/// <summary>
/// An issued certificate: a snapshot of everything printed on it plus the PDF rendered once at issue, so later
/// edits to the course, the template or the person's name never change what was issued.
/// </summary>
public class Certificate : IPersonInCourse
{
    public int Id { get; set; }

    /// <summary>RGT-&lt;year&gt;-&lt;id&gt;: human-readable and sequential, for registers and phone calls.</summary>
    public string SerialNumber { get; set; } = "";

    /// <summary>Unguessable code for /verify/{code}.</summary>
    public string VerificationCode { get; set; } = "";

    public string UserId { get; set; } = "";

    public string CourseId { get; set; } = "";

    public string Language { get; set; } = "fi";

    public string FullName { get; set; } = "";

    public string CourseTitle { get; set; } = "";

    public decimal Credits { get; set; }

    public int Hours { get; set; }

    public string OutcomesJson { get; set; } = "[]";

    public DateTime CompletedAtUtc { get; set; }

    /// <summary>The completion date in Finnish time, as printed.</summary>
    public DateOnly CompletedOn { get; set; }

    public string IssuerName { get; set; } = "";

    public string SignatoryName { get; set; } = "";

    public string? SignatoryTitle { get; set; }

    public string ContentVersion { get; set; } = "";

    public DateTime IssuedAtUtc { get; set; }

    public byte[] Pdf { get; set; } = [];

    public string PdfSha256 { get; set; } = "";

    public CertificateStatus Status { get; set; } = CertificateStatus.Valid;

    public DateTime? RevokedAtUtc { get; set; }

    public string? RevokedReason { get; set; }

    public int? ReplacedByCertificateId { get; set; }
}

public enum CertificateStatus
{
    Valid = 0,
    Revoked = 1,
    Replaced = 2,
}
