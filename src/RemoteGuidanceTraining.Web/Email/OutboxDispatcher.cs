using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Email;

/// <summary>
/// Sends due outbox messages one by one and records the outcome. Delivery is at least once: if the process dies
/// after the server accepted a message but before it was marked sent, it goes out again after the restart with the
/// same Message-Id. Every site instance runs one; <see cref="OutboxClaims"/> keeps them from sending the same message.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes, IMailTransport transport, OutboxSignal signal,
    IOptions<MailOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 20;

    /// <summary>The longest wait between two tries, however many there were.</summary>
    private const double MaxRetryDelaySeconds = 3600;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await SendDueAsync(stoppingToken) == BatchSize)
                {
                    continue; // more may be waiting
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogDispatcherFailed(logger, error);
            }

            try
            {
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends one batch of due messages; returns how many it handled.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var lease = TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        var due = await OutboxClaims.ClaimDueAsync(db, Now, lease, BatchSize, cancellationToken);
        var done = 0;
        try
        {
            foreach (var message in due)
            {
                if (Now >= message.LeaseUntilUtc - (lease / 4))
                {
                    break; // a slow batch: the rest of the claim runs out soon and another instance may take it
                }

                await SendOneAsync(message, cancellationToken);
                message.LeaseUntilUtc = null; // sent, or waiting for its retry time: either way free for any instance
                await RecordAsync(db, message);
                done++;
            }
        }
        catch (OperationCanceledException)
        {
            // The site is stopping: hand back what this instance claimed and did not finish, so the next start (or
            // another instance) sends it at once rather than after the lease. One being sent may have arrived: at
            // least once, as after a crash.
            foreach (var message in due.Skip(done))
            {
                message.LeaseUntilUtc = null;
            }

            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        return due.Count;
    }

    private async Task RecordAsync(AppDbContext db, OutboxMessage message)
    {
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The row went while the message was being sent: its account was deleted, or retention removed it. Those
            // forgot the transport's copy before it existed, so forget it now, as they promise.
            db.Entry(message).State = EntityState.Detached;
            await transport.ForgetAsync([message.MessageId], CancellationToken.None);
            LogRowGoneWhileSending(logger, message.MessageId);
        }
    }

    private async Task SendOneAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        message.Attempts++;
        try
        {
            using var mime = MimeMessage.Load(new MemoryStream(message.Mime));
            await transport.SendAsync(mime, cancellationToken);
            message.SentAtUtc = Now;
            message.LastError = null;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            message.LastError = Truncate(error.Message, OutboxMessage.LastErrorMaxLength);
            var settings = options.Value;
            if (message.Attempts >= settings.MaxAttempts)
            {
                message.FailedAtUtc = Now;
                LogGaveUp(logger, message.MessageId, message.ToAddress, message.Attempts, error.Message);
            }
            else
            {
                var delay = Math.Min(MaxRetryDelaySeconds, settings.RetryBaseSeconds * Math.Pow(2, message.Attempts - 1));
                message.NextAttemptAtUtc = Now.AddSeconds(delay);
                LogWillRetry(logger, message.MessageId, message.ToAddress, message.Attempts, delay, error.Message);
            }
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MessageId} was deleted from the outbox while it was being sent; its copy on the site is removed too.")]
    private static partial void LogRowGoneWhileSending(ILogger logger, string messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox dispatcher failed; it tries again at the next poll.")]
    private static partial void LogDispatcherFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail {MessageId} to {To} failed after {Attempts} attempts: {Error}")]
    private static partial void LogGaveUp(ILogger logger, string messageId, string to, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MessageId} to {To} not sent (attempt {Attempts}), retry in {Delay} s: {Error}")]
    private static partial void LogWillRetry(ILogger logger, string messageId, string to, int attempts, double delay, string error);
}
