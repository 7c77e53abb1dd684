using Microsoft.Extensions.Options;

namespace RemoteGuidanceTraining.Web.Certificates;

/// <summary>The issuer and signatory to print, in the certificate's language.</summary>
public sealed record CertificateSignature(string IssuerName, string SignatoryName, string? SignatoryTitle);

/// <summary>
/// Gives each new certificate its issuer and signatory from the settings. When they are not set the certificate
/// says so in its own language instead of carrying an invented name, so an unfinished install is obvious.
/// </summary>
public sealed class CertificateSigner(IOptionsMonitor<CertificateOptions> options)
{
    // Certificate wording follows the certificate's language, not the reader's UI language (like CertificateTexts).
    private static readonly Dictionary<string, (string Issuer, string Signatory)> _notSet = new()
    {
        ["fi"] = ("Myöntäjää ei ole asetettu", "Allekirjoittajaa ei ole asetettu"),
        ["sv"] = ("Utfärdaren har inte angetts", "Undertecknaren har inte angetts"),
        ["en"] = ("Issuer not set", "Signatory not set"),
    };

    public CertificateOptions Current => options.CurrentValue;

    public CertificateSignature For(string language)
    {
        var settings = options.CurrentValue;
        var notSet = _notSet.GetValueOrDefault(language, _notSet["fi"]);
        return new CertificateSignature(
            settings.IsIssuerSet ? settings.Issuer!.Trim() : notSet.Issuer,
            settings.IsSignatorySet ? settings.Signatory.Name!.Trim() : notSet.Signatory,
            settings.IsSignatorySet && !string.IsNullOrWhiteSpace(settings.Signatory.Title) ? settings.Signatory.Title.Trim() : null);
    }

    /// <summary>Values too long for the certificate's columns stop the start with this message.</summary>
    public static bool FitsTheCertificate(CertificateOptions o) =>
        (o.Issuer?.Trim().Length ?? 0) <= CertificateOptions.MaxIssuerLength
        && (o.Signatory.Name?.Trim().Length ?? 0) <= CertificateOptions.MaxSignatoryLength
        && (o.Signatory.Title?.Trim().Length ?? 0) <= CertificateOptions.MaxSignatoryLength;
}
