using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RemoteGuidanceTraining.Web.Cohorts;

public static class CohortsServiceCollectionExtensions
{
    public static IServiceCollection AddCohorts(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<CohortInvitations>();
        services.AddScoped<CohortService>();
        services.AddScoped<CohortImporter>();
        services.AddScoped<CohortBulkInvite>();
        return services;
    }
}
