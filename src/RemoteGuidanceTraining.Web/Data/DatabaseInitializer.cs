using RemoteGuidanceTraining.Web.Accounts;

namespace RemoteGuidanceTraining.Web.Data;

/// <summary>
/// Migrates the schema and seeds the roles when the host starts, before the server takes requests
/// (StartingAsync runs ahead of every StartAsync), one instance at a time (<see cref="MigrationLock"/>).
/// Program runs it ahead of the host (<see cref="StartChecks"/>) so that an unreachable database is one line, not a
/// logged stack trace; it runs once per site, whoever asks first.
/// </summary>
public sealed class DatabaseInitializer(IServiceProvider services) : IHostedLifecycleService
{
    private readonly Lock _lock = new();
    private Task? _run;

    public static Task RunAsync(IServiceProvider services) => services.GetRequiredService<DatabaseInitializer>().RunOnceAsync();

    public Task StartingAsync(CancellationToken cancellationToken) => RunOnceAsync();

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private Task RunOnceAsync()
    {
        lock (_lock)
        {
            return _run ??= MigrateAndSeedAsync();
        }
    }

    private async Task MigrateAndSeedAsync()
    {
        // Several instances may start at once on one PostgreSQL database: one migrates and seeds, the others wait.
        await using var migrationLock = await MigrationLock.AcquireAsync(services);
        await services.MigrateDatabaseAsync();
        await services.SeedRolesAsync();
        await services.CheckStoredKeysAsync();
        await services.CheckTextFoldingAsync();
    }
}
