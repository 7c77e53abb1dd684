using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RemoteGuidanceTraining.Web.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSettings<PrivacyOptions>(PrivacyOptions.Section);
        services.AddScoped<DataExport>();
        services.AddScoped<AccountDeletion>();
        services.AddScoped<Retention>();
        services.AddHostedService<RetentionJob>();
        return services;
    }
}
