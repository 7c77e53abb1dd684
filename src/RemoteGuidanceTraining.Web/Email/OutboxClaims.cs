using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Email;

/// <summary>
/// Claims due outbox messages for one dispatcher by setting a lease, so that several site instances on one database
/// never send the same message at once. A lease that runs out (the instance died mid-batch) makes the message due
/// again for anyone; delivery stays at least once, with the stable Message-Id for receivers to drop a duplicate.
/// </summary>
internal static class OutboxClaims
{
    public static async Task<List<OutboxMessage>> ClaimDueAsync(
        AppDbContext db, DateTime nowUtc, TimeSpan lease, int batchSize, CancellationToken cancellationToken)
    {
        var until = nowUtc + lease;
        var claimed = db.Database.IsNpgsql()
            ? await ClaimOnPostgresAsync(db, nowUtc, until, batchSize, cancellationToken)
            : await ClaimOneByOneAsync(db, nowUtc, until, batchSize, cancellationToken);
        if (claimed.Count == 0)
        {
            return [];
        }

        return await db.OutboxMessages.Where(m => claimed.Contains(m.Id))
            .OrderBy(m => m.NextAttemptAtUtc).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// One statement: rows another dispatcher is claiming right now are skipped (SKIP LOCKED) instead of waited for,
    /// and the lease condition is checked again under the row lock.
    /// </summary>
    private static Task<List<Guid>> ClaimOnPostgresAsync(
        AppDbContext db, DateTime nowUtc, DateTime until, int batchSize, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<Guid>($"""
            UPDATE "OutboxMessages" SET "LeaseUntilUtc" = {until}
            WHERE "Id" IN (
                SELECT "Id" FROM "OutboxMessages"
                WHERE "SentAtUtc" IS NULL AND "FailedAtUtc" IS NULL AND "NextAttemptAtUtc" <= {nowUtc}
                  AND ("LeaseUntilUtc" IS NULL OR "LeaseUntilUtc" <= {nowUtc})
                ORDER BY "NextAttemptAtUtc"
                LIMIT {batchSize}
                FOR UPDATE SKIP LOCKED)
            RETURNING "Id" AS "Value"
            """).ToListAsync(cancellationToken);

    /// <summary>
    /// Provider-neutral (SQLite): pick candidates, then take each with a conditional update that only succeeds if
    /// nobody took it in between; a write lock on the database makes each update atomic.
    /// </summary>
    private static async Task<List<Guid>> ClaimOneByOneAsync(
        AppDbContext db, DateTime nowUtc, DateTime until, int batchSize, CancellationToken cancellationToken)
    {
        var candidates = await db.OutboxMessages
            .Where(m => m.SentAtUtc == null && m.FailedAtUtc == null && m.NextAttemptAtUtc <= nowUtc
                && (m.LeaseUntilUtc == null || m.LeaseUntilUtc <= nowUtc))
            .OrderBy(m => m.NextAttemptAtUtc).Select(m => m.Id).Take(batchSize).ToListAsync(cancellationToken);
        var claimed = new List<Guid>(candidates.Count);
        foreach (var id in candidates)
        {
            var taken = await db.OutboxMessages
                .Where(m => m.Id == id && m.SentAtUtc == null && (m.LeaseUntilUtc == null || m.LeaseUntilUtc <= nowUtc))
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.LeaseUntilUtc, until), cancellationToken);
            if (taken == 1)
            {
                claimed.Add(id);
            }
        }

        return claimed;
    }
}
