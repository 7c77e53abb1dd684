using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RemoteGuidanceTraining.Web.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section)
            .Validate(o => o.Retention is { UnconfirmedAccountDays: > 0, MailBodyDays: > 0, AuditMonths: > 0, RunEveryMinutes: > 0 },
                "Privacy:Retention values must be positive numbers.")
            .ValidateOnStart();
        services.AddScoped<DataExport>();
        services.AddScoped<AccountDeletion>();
        services.AddScoped<Retention>();
        services.AddHostedService<RetentionJob>();
        return services;
    }
}
