using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Network;

public static class NetworkServiceCollectionExtensions
{
    /// <summary>
    /// The guidance network: its services, the page conventions of Pages/Network, the per-language addresses of the
    /// public page, and the default areas seeded at start. Call after the database initializer is registered.
    /// </summary>
    public static IServiceCollection AddNetwork(this IServiceCollection services)
    {
        services.AddScoped<NetworkDirectory>();
        services.AddScoped<NetworkMembership>();
        services.AddScoped<NetworkCuration>();
        services.AddScoped<NetworkMails>();
        services.AddScoped<NetworkAreasAdmin>();
        services.AddHostedService<NetworkSeeder>();
        // PostConfigure: AddRazorPages' own set-up replaces the conventions collection, so this must run after it.
        services.PostConfigure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder("/Network/Coordination", Policies.Coordination);
            options.Conventions.AuthorizeFolder("/Network/Admin", Roles.Admin);
            options.Conventions.AddPageRoute("/Network/Index", NetworkPaths.Swedish.TrimStart('/'));
            options.Conventions.AddPageRoute("/Network/Index", NetworkPaths.English.TrimStart('/'));
            options.Conventions.AddPageApplicationModelConvention("/Language", model => model.Filters.Add(new NetworkLanguageRedirectFilter()));
        });
        // Likewise after the site's own localization set-up, whatever the order of registration.
        services.PostConfigure<RequestLocalizationOptions>(options => options.RequestCultureProviders.Insert(0, new NetworkPathCultureProvider()));
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}

/// <summary>Seeds the default areas once the database is migrated (registered after <see cref="DatabaseInitializer"/>).</summary>
internal sealed class NetworkSeeder(IServiceProvider services) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        await LaplandDefaults.SeedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
