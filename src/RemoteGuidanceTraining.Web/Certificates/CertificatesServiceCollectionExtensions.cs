using RemoteGuidanceTraining.Web.Certificates.Pdf;

namespace RemoteGuidanceTraining.Web.Certificates;

public static class CertificatesServiceCollectionExtensions
{
    public static IServiceCollection AddCertificates(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<CertificatePdfRenderer>();
        services.AddScoped<PublicUrls>();
        services.AddScoped<CertificateMails>();
        services.AddScoped<CertificateIssuer>();
        services.AddScoped<CertificateActions>();
        return services;
    }
}
