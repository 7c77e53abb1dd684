using Microsoft.Extensions.Options;

namespace RemoteGuidanceTraining.Web.Privacy;

/// <summary>
/// Runs <see cref="Retention"/> a minute after start (not during start-up, when migrations and the first requests
/// come) and then every Privacy:Retention:RunEveryMinutes, on the site's clock.
/// </summary>
public sealed partial class RetentionJob(IServiceScopeFactory scopes, IOptions<PrivacyOptions> options, TimeProvider clock, ILogger<RetentionJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.Retention.RunEveryMinutes)), clock);
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
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
                var result = await scope.ServiceProvider.GetRequiredService<Retention>().RunOnceAsync(stoppingToken);
                if (result != new RetentionResult(0, 0, 0))
                {
                    Ran(result.UnconfirmedAccounts, result.MailBodies, result.AuditEntries);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // A failed run (database busy, not migrated yet) is retried at the next tick rather than stopping the site.
                Failed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention removed {Accounts} unconfirmed accounts, {MailBodies} mail bodies, {AuditEntries} audit entries")]
    private partial void Ran(int accounts, int mailBodies, int auditEntries);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention run failed; it is tried again at the next interval")]
    private partial void Failed(Exception exception);
}
