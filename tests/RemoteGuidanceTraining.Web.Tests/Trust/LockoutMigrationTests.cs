using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Trust;

/// <summary>
/// Accounts that cohort invitations made before the fix had lockout off; upgrading switches it on for them. Runs the
/// SQLite migrations on a file.
/// </summary>
public sealed class LockoutMigrationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task Upgrading_switches_lockout_on_for_accounts_made_without_it()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder.Path, "old.db")}");
        await connection.OpenAsync();
        await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connection).Options);
        var migrator = db.GetService<IMigrator>();
        var before = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_LockoutForEveryAccount", StringComparison.Ordinal)).Last();
        await migrator.MigrateAsync(before);
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = """
                INSERT INTO "AspNetUsers" ("Id", "AccessFailedCount", "CreatedAtUtc", "EmailConfirmed", "FullName", "LockoutEnabled", "PhoneNumberConfirmed", "PreferredLanguage", "TwoFactorEnabled")
                VALUES ('invited', 0, '2026-11-20 10:00:00', 1, 'Kutsuttu', 0, 0, 'fi', 0),
                       ('registered', 0, '2026-11-20 10:00:00', 1, 'Rekisteröitynyt', 1, 0, 'fi', 0);
                """;
            await insert.ExecuteNonQueryAsync();
        }

        await migrator.MigrateAsync();

        Assert.True(await db.Users.AsNoTracking().AllAsync(u => u.LockoutEnabled));
        Assert.Equal(2, await db.Users.CountAsync());
    }
}
