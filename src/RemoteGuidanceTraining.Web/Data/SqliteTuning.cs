using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RemoteGuidanceTraining.Web.Data;

/// <summary>
/// SQLite set up for a web server. WAL lets readers go on while one writer writes (the default rollback journal
/// blocks them); synchronous=NORMAL is durable across application crashes in WAL mode and saves an fsync per
/// commit; busy_timeout lets SQLite itself wait for the write lock with short sleeps, instead of
/// Microsoft.Data.Sqlite's retry loop, which sleeps 150 ms between tries. Connection pooling is on by default in
/// Microsoft.Data.Sqlite, so these per-connection settings are paid once per pooled open, not per query.
/// Sources: https://www.sqlite.org/wal.html, https://www.sqlite.org/pragma.html#pragma_synchronous.
/// </summary>
public sealed class SqliteTuning : DbConnectionInterceptor
{
    /// <summary>Milliseconds a connection waits for another's write lock before "database is locked".</summary>
    public const int BusyTimeoutMilliseconds = 10_000;

    private const string PerConnection = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        // Run directly on the ADO.NET connection: these are not the application's queries (and are not counted as such).
        await using var command = connection.CreateCommand();
        command.CommandText = PerConnection;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = PerConnection;
        command.ExecuteNonQuery();
    }

    /// <summary>WAL is a property of the database file and stays set; switching needs no other connection open, so it runs at start-up.</summary>
    public static async Task UseWriteAheadLogAsync(AppDbContext db)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }
}
