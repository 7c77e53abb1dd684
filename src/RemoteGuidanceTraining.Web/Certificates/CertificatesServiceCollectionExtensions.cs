using RemoteGuidanceTraining.Web.Certificates.Pdf;

namespace RemoteGuidanceTraining.Web.Certificates;

public static class CertificatesServiceCollectionExtensions
{
    public static IServiceCollection AddCertificates(this IServiceCollection services)
    {
        services.AddSettings<CertificateOptions>(CertificateOptions.Section)
            .Validate(CertificateSigner.FitsTheCertificate,
                $"Certificates:Issuer may have at most {CertificateOptions.MaxIssuerLength} characters, Certificates:Signatory:Name and :Title {CertificateOptions.MaxSignatoryLength}.");
        services.AddSingleton<CertificateSigner>();
        services.AddHostedService<CertificateSettingsCheck>();
        services.AddHttpContextAccessor();
        services.AddSingleton<CertificatePdfRenderer>();
        services.AddScoped<PublicUrls>();
        services.AddScoped<CertificateMails>();
        services.AddScoped<CertificateIssuer>();
        services.AddScoped<CertificateActions>();
        services.AddScoped<CertificateVerifier>();
        services.AddScoped<CertificateRegistry>();
        return services;
    }
}
