using Microsoft.Extensions.Options;

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

/// <summary>Says in the log at start, as a warning, that certificates will not name an issuer or signatory.</summary>
public sealed partial class CertificateSettingsCheck(CertificateSigner signer, ILogger<CertificateSettingsCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = signer.Current;
        if (!settings.IsIssuerSet)
        {
            IssuerNotSet(logger);
        }

        if (!settings.IsSignatorySet)
        {
            SignatoryNotSet(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Certificates:Issuer is not set: certificates will say \"Issuer not set\". Set it in appsettings or the environment (Certificates__Issuer).")]
    private static partial void IssuerNotSet(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Certificates:Signatory:Name is not set: certificates will say \"Signatory not set\". Set Certificates:Signatory:Name and Certificates:Signatory:Title.")]
    private static partial void SignatoryNotSet(ILogger logger);
}
