using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Email;

/// <summary>
/// Mail that has not gone out (waiting or failed) to people within a coordinator's scope, and the retry that puts a
/// message back in line at once.
/// </summary>
public sealed class OutboxReview(AppDbContext db, OutboxSignal signal, TimeProvider clock)
{
    /// <summary>The page lists at most this many messages, failed ones first.</summary>
    public const int MaxListed = 500;

    /// <summary>The first <see cref="MaxListed"/> unsent messages in the scope, and how many there are in all.</summary>
    public async Task<PendingMailList> PendingAsync(CoordinatorScope scope, CancellationToken cancellationToken)
    {
        var unsent = InScope(scope, db.OutboxMessages.AsNoTracking().Where(m => m.SentAtUtc == null));
        var rows = await unsent.OrderByDescending(m => m.FailedAtUtc != null).ThenBy(m => m.CreatedAtUtc).Take(MaxListed)
            .ToListAsync(cancellationToken);
        var total = rows.Count < MaxListed ? rows.Count : await unsent.CountAsync(cancellationToken);
        return new PendingMailList(rows.Select(m => new PendingMail(m.Id, m.ToAddress, m.Subject, m.Status, m.Attempts, m.LastError)).ToList(), total);
    }

    /// <summary>False when the message is not in the scope or has already been sent.</summary>
    public async Task<bool> RetryAsync(CoordinatorScope scope, Guid id, CancellationToken cancellationToken)
    {
        var message = await InScope(scope, db.OutboxMessages).SingleOrDefaultAsync(m => m.Id == id && m.SentAtUtc == null, cancellationToken);
        if (message is null)
        {
            return false;
        }

        message.FailedAtUtc = null;
        message.Attempts = 0;
        message.NextAttemptAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return true;
    }

    private IQueryable<OutboxMessage> InScope(CoordinatorScope scope, IQueryable<OutboxMessage> messages)
    {
        var addresses = scope.Filter(db.Users).Select(u => u.Email);
        return messages.Where(m => addresses.Contains(m.ToAddress));
    }
}

public sealed record PendingMailList(IReadOnlyList<PendingMail> Rows, int Total);

public sealed record PendingMail(Guid Id, string ToAddress, string Subject, OutboxStatus Status, int Attempts, string? LastError);
