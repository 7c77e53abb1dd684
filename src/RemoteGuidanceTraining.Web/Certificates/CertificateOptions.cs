namespace RemoteGuidanceTraining.Web.Certificates;

/// <summary>
/// Settings section "Certificates": who issues and signs every certificate of this site. One place for all
/// courses (since content version 2026.2 course.yml no longer names them).
/// </summary>
public sealed class CertificateOptions
{
    public const string Section = "Certificates";

    /// <summary>Lengths of the certificate columns they are stored in.</summary>
    public const int MaxIssuerLength = 300;
    public const int MaxSignatoryLength = 200;

    public string? Issuer { get; set; }

    public SignatoryOptions Signatory { get; set; } = new();

    public bool IsIssuerSet => !string.IsNullOrWhiteSpace(Issuer);

    public bool IsSignatorySet => !string.IsNullOrWhiteSpace(Signatory.Name);

    public bool IsComplete => IsIssuerSet && IsSignatorySet;
}

public sealed class SignatoryOptions
{
    public string? Name { get; set; }

    public string? Title { get; set; }
}
