using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RemoteGuidanceTraining.Web.Data.Postgres;

namespace RemoteGuidanceTraining.Web.Data;

/// <summary>
/// Applies pending migrations (never EnsureCreated, so later schema changes upgrade data in place) and says at
/// Information which ones it applied, so an operator upgrading sees that the schema moved on.
/// </summary>
public static partial class SchemaMigration
{
    public static async Task MigrateDatabaseAsync(this IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<DatabaseInitializer>>();
        var place = StartChecks.Describe(scope.ServiceProvider.GetRequiredService<DatabaseSettings>());
        await using (var db = QuietContext(scope.ServiceProvider))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            await db.Database.MigrateAsync();
            if (pending.Count > 0)
            {
                MigrationsApplied(logger, place, pending.Count, string.Join(", ", pending));
            }
            else
            {
                SchemaUpToDate(logger, place, db.Database.GetMigrations().LastOrDefault() ?? "none");
            }
        }

        await SqliteTuning.UseWriteAheadLogAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>
    /// The site's own context options with two messages EF Core writes during a normal migration turned off; both
    /// are known to be harmless (EF Core and Npgsql issues dotnet/efcore#35871, npgsql/efcore.pg#3407):
    /// SQLite's table rebuilds wrap themselves in "PRAGMA foreign_keys = 0", which EF Core 9 and later flag as
    /// "cannot be executed in a transaction … partially applied state", and on a new PostgreSQL database Npgsql
    /// reads "__EFMigrationsHistory" before creating it and logs the failed command as an error. Only this context,
    /// used for migrating and nothing else, ignores them: a failed command anywhere else is still logged.
    /// </summary>
    private static AppDbContext QuietContext(IServiceProvider services)
    {
        if (services.GetRequiredService<DatabaseSettings>().Provider == DatabaseProvider.Postgres)
        {
            var postgres = new DbContextOptionsBuilder<PostgresAppDbContext>(services.GetRequiredService<DbContextOptions<PostgresAppDbContext>>());
            return new PostgresAppDbContext(Quiet(postgres).Options);
        }

        var sqlite = new DbContextOptionsBuilder<AppDbContext>(services.GetRequiredService<DbContextOptions<AppDbContext>>());
        return new AppDbContext(Quiet(sqlite).Options);
    }

    internal static DbContextOptionsBuilder<T> Quiet<T>(DbContextOptionsBuilder<T> options) where T : DbContext =>
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning, RelationalEventId.CommandError));

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ({Database}): applied {Count} migration(s): {Migrations}.")]
    private static partial void MigrationsApplied(ILogger logger, string database, int count, string migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ({Database}): schema up to date (latest migration {Migration}).")]
    private static partial void SchemaUpToDate(ILogger logger, string database, string migration);
}
