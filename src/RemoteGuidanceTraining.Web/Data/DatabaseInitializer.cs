using RemoteGuidanceTraining.Web.Accounts;

namespace RemoteGuidanceTraining.Web.Data;

/// <summary>
/// Migrates the schema and seeds the roles when the host starts, before the server takes requests
/// (StartingAsync runs ahead of every StartAsync), one instance at a time (<see cref="MigrationLock"/>).
/// Commands that never start the host call <see cref="RunAsync"/>.
/// </summary>
public sealed class DatabaseInitializer(IServiceProvider services) : IHostedLifecycleService
{
    public static async Task RunAsync(IServiceProvider services)
    {
        // Several instances may start at once on one PostgreSQL database: one migrates and seeds, the others wait.
        await using var migrationLock = await MigrationLock.AcquireAsync(services);
        await services.MigrateDatabaseAsync();
        await services.SeedRolesAsync();
    }

    public Task StartingAsync(CancellationToken cancellationToken) => RunAsync(services);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
