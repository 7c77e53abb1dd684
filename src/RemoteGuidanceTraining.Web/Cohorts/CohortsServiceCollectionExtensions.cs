using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RemoteGuidanceTraining.Web.Cohorts;

public static class CohortsServiceCollectionExtensions
{
    public static IServiceCollection AddCohorts(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<CohortInvitations>();
        services.AddScoped<Accounts.IPasswordSetHandler>(provider => provider.GetRequiredService<CohortInvitations>());
        services.AddScoped<CohortService>();
        services.AddScoped<CohortImporter>();
        services.AddScoped<CohortBulkInvite>();
        services.AddScoped<CohortManagement>();
        services.AddScoped<CohortReminders>();
        services.AddScoped<CohortMails>();
        services.AddScoped<AutoReminders>();
        services.AddHostedService<AutoReminderJob>();
        return services;
    }
}
