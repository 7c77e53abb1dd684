using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Tests.Infrastructure;

/// <summary>
/// An SQLite file migrated up to the migration just before one under test, for a test that writes rows as an older
/// site left them, runs the rest of the migrations and reads what they made of the rows.
/// </summary>
public sealed class DatabaseBeforeMigration : IAsyncDisposable
{
    private DatabaseBeforeMigration(SqliteConnection connection, AppDbContext db) => (Connection, Db) = (connection, db);

    public SqliteConnection Connection { get; }

    public AppDbContext Db { get; }

    /// <param name="file">The SQLite file to make.</param>
    /// <param name="migration">The name the migration's id ends with, e.g. "_LockoutForEveryAccount".</param>
    public static async Task<DatabaseBeforeMigration> OpenAsync(string file, string migration)
    {
        var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connection).Options);
        var before = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith(migration, StringComparison.Ordinal)).Last();
        await db.GetService<IMigrator>().MigrateAsync(before);
        return new DatabaseBeforeMigration(connection, db);
    }

    /// <summary>Runs SQL as the older site would have written it.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Applies the migration under test and every later one.</summary>
    public Task MigrateRestAsync() => Db.GetService<IMigrator>().MigrateAsync();

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
