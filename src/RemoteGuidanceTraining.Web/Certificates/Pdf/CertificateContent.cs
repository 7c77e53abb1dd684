namespace RemoteGuidanceTraining.Web.Certificates.Pdf;

/// <summary>Everything printed on a certificate, fixed at the moment of issue.</summary>
public sealed record CertificateContent(
    string Language,
    string FullName,
    string CourseTitle,
    decimal Credits,
    int Hours,
    IReadOnlyList<string> Outcomes,
    DateOnly CompletedOn,
    string IssuerName,
    string SignatoryName,
    string? SignatoryTitle,
    string SerialNumber,
    string VerificationCode,
    string VerificationUrl,
    string ContentVersion);
