using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RemoteGuidanceTraining.Web.Data;

/// <summary>
/// Healthy only when the site can still write: the data folder takes a file and the database a write transaction.
/// A site that answers pages but cannot save progress or queue mail must be seen as unhealthy by its monitor.
/// </summary>
public sealed class DatabaseWriteHealthCheck(AppDbContext db, AppPaths paths) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            AppPaths.ProbeWrite(paths.DataFolder);
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
    }
}
