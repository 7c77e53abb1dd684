using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RemoteGuidanceTraining.Web.Data;

/// <summary>
/// Healthy only when the site can still write: the data folder takes a file and the database a write transaction.
/// A site that answers pages but cannot save progress or queue mail must be seen as unhealthy by its monitor.
/// </summary>
public sealed class DatabaseWriteHealthCheck(AppDbContext db, AppPaths paths) : IHealthCheck
{
    /// <summary>
    /// How long the check waits for the write lock. A monitor gives up after a few seconds, and with the site's own
    /// waits (SQLite's busy timeout, then Microsoft.Data.Sqlite's retries up to the command timeout) a locked
    /// database answered only after 30 s.
    /// </summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var sqlite = db.Database.IsSqlite();
        var commandTimeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(LockWait);
        try
        {
            AppPaths.ProbeWrite(paths.DataFolder);
            await db.Database.OpenConnectionAsync(cancellationToken);
            if (sqlite)
            {
                await SqliteTuning.SetBusyTimeoutAsync(db.Database.GetDbConnection(), (int)LockWait.TotalMilliseconds, cancellationToken);
                // BEGIN IMMEDIATE waits for the lock with the connection's own default, not the command timeout.
                ((SqliteConnection)db.Database.GetDbConnection()).DefaultTimeout = (int)LockWait.TotalSeconds;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Changes nothing, but takes the write lock, so a read-only or locked-out database fails here.
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AspNetRoles\" SET \"Name\" = \"Name\" WHERE \"Id\" = ''", cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database or the data folder cannot be written: " + e.Message);
        }
        finally
        {
            if (sqlite && db.Database.GetDbConnection() is SqliteConnection connection)
            {
                // The connection goes back to the pool: the site's other requests wait as long as before.
                connection.DefaultTimeout = new SqliteConnectionStringBuilder(connection.ConnectionString).DefaultTimeout;
                if (connection.State == System.Data.ConnectionState.Open)
                {
                    await SqliteTuning.SetBusyTimeoutAsync(connection, SqliteTuning.BusyTimeoutMilliseconds, CancellationToken.None);
                }
            }

            await db.Database.CloseConnectionAsync();
            db.Database.SetCommandTimeout(commandTimeout); // the context too may be pooled
        }
    }
}
