namespace RemoteGuidanceTraining.Web;

/// <summary>
/// A background job that runs a minute after start (not during start-up, when migrations and the first requests
/// come) and then at every interval, on the site's <see cref="TimeProvider"/>, each run in a scope of its own. A
/// failed run (database busy, not migrated yet) is logged and tried again at the next tick rather than stopping the site.
/// </summary>
public abstract class PeriodicJob(IServiceScopeFactory scopes, TimeProvider clock) : BackgroundService
{
    private static readonly TimeSpan _firstDelay = TimeSpan.FromMinutes(1);

    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected abstract void Failed(Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            await Task.Delay(_firstDelay, clock, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                await RunOnceAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Failed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
