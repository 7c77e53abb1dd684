using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RemoteGuidanceTraining.Web.Organisations;

public static class OrganisationsServiceCollectionExtensions
{
    public static IServiceCollection AddOrganisations(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<CoordinatorScopes>();
        services.AddScoped<OrganisationDirectory>();
        services.AddScoped<Memberships>();
        return services;
    }
}
