using Microsoft.Extensions.Options;

namespace RemoteGuidanceTraining.Web.Privacy;

/// <summary>
/// Runs <see cref="Retention"/> every Privacy:Retention:RunEveryMinutes, the first time a minute after start.
/// </summary>
public sealed partial class RetentionJob(IServiceScopeFactory scopes, IOptions<PrivacyOptions> options, TimeProvider clock, ILogger<RetentionJob> logger)
    : PeriodicJob(scopes, clock)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, options.Value.Retention.RunEveryMinutes));

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var result = await services.GetRequiredService<Retention>().RunOnceAsync(cancellationToken);
        if (result != new RetentionResult(0, 0, 0))
        {
            Ran(result.UnconfirmedAccounts, result.MailBodies, result.AuditEntries);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention removed {Accounts} unconfirmed accounts, {MailBodies} mail bodies, {AuditEntries} audit entries")]
    private partial void Ran(int accounts, int mailBodies, int auditEntries);

    protected override void Failed(Exception exception) => LogFailed(exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention run failed; it is tried again at the next interval")]
    private partial void LogFailed(Exception exception);
}
