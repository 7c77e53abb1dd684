using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RemoteGuidanceTraining.Web.Data;

/// <summary>
/// SQLite set up for a web server. WAL lets readers go on while one writer writes (the default rollback journal
/// blocks them); synchronous=NORMAL is durable across application crashes in WAL mode and saves an fsync per
/// commit; busy_timeout lets SQLite itself wait for the write lock with short sleeps, instead of
/// Microsoft.Data.Sqlite's retry loop, which sleeps 150 ms between tries. Connection pooling is on by default in
/// Microsoft.Data.Sqlite, so the per-connection settings are made once per pooled connection.
/// Sources: https://www.sqlite.org/wal.html, https://www.sqlite.org/pragma.html#pragma_synchronous.
/// </summary>
public sealed class SqliteTuning : DbConnectionInterceptor
{
    /// <summary>Milliseconds a connection waits for another's write lock before "database is locked".</summary>
    public const int BusyTimeoutMilliseconds = 10_000;

    private static readonly string PerConnection = $"PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={BusyTimeoutMilliseconds};";

    // EF opens a pooled connection for every query; the settings stay with the underlying SQLite handle, so each
    // handle is set up once, not on every open.
    private static readonly ConditionalWeakTable<object, object> _tuned = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection))
        {
            // Run directly on the ADO.NET connection: these are not the application's queries (and are not counted as such).
            using var command = connection.CreateCommand();
            command.CommandText = PerConnection;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = PerConnection;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _tuned.TryAdd(handle, handle);

    /// <summary>Changes how long this connection waits for another's write lock (the health check waits less).</summary>
    public static async Task SetBusyTimeoutAsync(DbConnection connection, int milliseconds, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA busy_timeout={milliseconds}");
        await command.ExecuteNonQueryAsync(cancellationToken);
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
