using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Data.Sqlite;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Foundation;

/// <summary>
/// SQLite connections stay open between requests with their statements compiled (PreparedSqliteConnection). What a
/// closed connection guaranteed must still hold: each request sees what was written before it, nothing a request
/// left open (a transaction, unread results) reaches the next one, and a failed statement breaks nothing.
/// SQLite only: PostgreSQL connections are Npgsql's.
/// </summary>
public sealed class PreparedStatementTests(TestSite site) : IClassFixture<TestSite>
{
    private const string CountNotes = "SELECT COUNT(*) AS \"Value\" FROM test_notes";

    [Fact]
    public async Task A_query_run_again_in_a_later_request_uses_the_statement_compiled_the_first_time()
    {
        if (TestDatabase.IsPostgres)
        {
            return;
        }

        await CreateNotesAsync();
        const string sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'test_notes'";
        // Each request takes a pooled context with its connection. SQLite counts the runs of a compiled statement:
        // on a connection that ran the query before, the count goes on instead of starting again at 1.
        var runsOn = new Dictionary<DbConnection, int>(ReferenceEqualityComparer.Instance);
        for (var request = 0; request < 12; request++)
        {
            var (connection, runs) = await InRequestAsync(async db => (db.Database.GetDbConnection(), await RunsOfStatementAsync(db, sql)));
            Assert.Equal(runsOn.GetValueOrDefault(connection) + 1, runs);
            runsOn[connection] = runs;
        }

        Assert.True(runsOn.Values.Max() > 1, "at least one connection served the query twice");
    }

    [Fact]
    public async Task A_request_sees_what_another_connection_wrote_after_the_connection_last_read()
    {
        if (TestDatabase.IsPostgres)
        {
            return;
        }

        await CreateNotesAsync();
        await WriteElsewhereAsync("INSERT INTO test_notes (body) VALUES ('first'), ('second')");
        var before = await InRequestAsync(db => CountAsync(db));

        // The request reads part of a result and leaves it unclosed; a real close would have ended its read.
        await InRequestAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT body FROM test_notes";
            var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            return 0;
        });

        await WriteElsewhereAsync("INSERT INTO test_notes (body) VALUES ('written elsewhere')");
        Assert.Equal(before + 1, await InRequestAsync(db => CountAsync(db)));
    }

    [Fact]
    public async Task A_transaction_a_request_left_open_is_rolled_back_and_holds_no_lock()
    {
        if (TestDatabase.IsPostgres)
        {
            return;
        }

        await CreateNotesAsync();
        var before = await InRequestAsync(db => CountAsync(db));
        await InRequestAsync(async db =>
        {
            // Straight on the connection, past EF Core, so only the connection can undo it.
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            var transaction = await connection.BeginTransactionAsync();
            var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO test_notes (body) VALUES ('never committed')";
            await insert.ExecuteNonQueryAsync();
            return 0;
        });

        Assert.Equal(before, await InRequestAsync(db => CountAsync(db)));
        // Another writer gets the write lock at once (busy_timeout 0: "database is locked" if it were still held).
        await WriteElsewhereAsync("INSERT INTO test_notes (body) VALUES ('after the rollback')", busyTimeout: 0);
        Assert.Equal(before + 1, await InRequestAsync(db => CountAsync(db)));
    }

    [Fact]
    public async Task A_statement_that_failed_runs_again_in_the_next_request()
    {
        if (TestDatabase.IsPostgres)
        {
            return;
        }

        await CreateNotesAsync();
        await WriteElsewhereAsync("INSERT INTO test_notes (body) VALUES ('taken')");
        const string insert = "INSERT INTO test_notes (body) VALUES ($body)";
        await Assert.ThrowsAsync<SqliteException>(() => InRequestAsync(db => ExecuteAsync(db, insert, "taken"))); // UNIQUE
        Assert.Equal(1, await InRequestAsync(db => ExecuteAsync(db, insert, "free")));
        Assert.Equal(1, await InRequestAsync(db => ExecuteAsync(db, "DELETE FROM test_notes WHERE body = $body", "free")));
    }

    [Fact]
    public async Task A_connection_keeps_the_hundred_statements_used_last_and_runs_any_number()
    {
        if (TestDatabase.IsPostgres)
        {
            return;
        }

        var (kept, values) = await InRequestAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var connection = (PreparedSqliteConnection)db.Database.GetDbConnection();
            var values = new List<long>();
            for (var i = 0; i < 150; i++)
            {
                await using var command = ((DbConnection)connection).CreateCommand(); // as EF Core makes them
                command.CommandText = $"SELECT {i}";
                values.Add((long)(await command.ExecuteScalarAsync())!);
            }

            return (connection.PreparedCount, values);
        });

        Assert.Equal(Enumerable.Range(0, 150).Select(i => (long)i), values);
        Assert.Equal(100, kept);
    }

    [Fact]
    public async Task The_site_keeps_its_connections_open_between_requests_and_closes_them_when_it_stops()
    {
        if (TestDatabase.IsPostgres)
        {
            return;
        }

        var own = new TestSite();
        PreparedSqliteConnection connection;
        using (var scope = own.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal([1], await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").ToListAsync());
            connection = Assert.IsType<PreparedSqliteConnection>(db.Database.GetDbConnection());
        }

        Assert.True(connection.IsOpenUnderneath, "open for the next request");
        Assert.True(connection.PreparedCount > 0, "with the statements the request ran");
        own.Dispose();
        Assert.False(connection.IsOpenUnderneath, "closed with the site");
        Assert.Equal(0, connection.PreparedCount);
    }

    [Fact]
    public async Task A_connection_still_in_use_when_the_site_stops_is_left_to_its_user()
    {
        // Before, the stop disposed it under the work still using it; with that work on another thread the stop
        // itself failed ("Collection was modified" in the command's statements).
        if (TestDatabase.IsPostgres)
        {
            return;
        }

        var own = new TestSite();
        using var scope = own.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        var connection = Assert.IsType<PreparedSqliteConnection>(db.Database.GetDbConnection());

        own.Dispose();

        Assert.Equal([1], await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").ToListAsync());
        await db.Database.CloseConnectionAsync();
        connection.Dispose();
        Assert.False(connection.IsOpenUnderneath);
    }

    private async Task<T> InRequestAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        try
        {
            return await action(db);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<long> CountAsync(AppDbContext db) =>
        (await db.Database.SqlQueryRaw<long>(CountNotes).ToListAsync()).Single();

    private static async Task<int> ExecuteAsync(AppDbContext db, string sql, string body) =>
        await db.Database.ExecuteSqlRawAsync(sql, new SqliteParameter("$body", body));

    // How many times SQLite has run the statement behind the reader (SQLITE_STMTSTATUS_RUN): 1 for a newly compiled one.
    private static async Task<int> RunsOfStatementAsync(AppDbContext db, string sql)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        await using var reader = (SqliteDataReader)await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return SQLitePCL.raw.sqlite3_stmt_status(reader.Handle, 6 /* SQLITE_STMTSTATUS_RUN */, 0);
    }

    private Task CreateNotesAsync() => WriteElsewhereAsync("CREATE TABLE IF NOT EXISTS test_notes (id INTEGER PRIMARY KEY, body TEXT UNIQUE)");

    private async Task WriteElsewhereAsync(string sql, int busyTimeout = 5000)
    {
        var settings = site.Services.GetRequiredService<DatabaseSettings>();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(settings.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout={busyTimeout}; {sql}";
        await command.ExecuteNonQueryAsync();
    }
}
