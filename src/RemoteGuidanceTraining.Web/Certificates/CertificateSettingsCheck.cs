namespace RemoteGuidanceTraining.Web.Certificates;

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
