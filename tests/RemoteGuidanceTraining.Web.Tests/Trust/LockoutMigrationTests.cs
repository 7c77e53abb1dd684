using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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
        await using var old = await DatabaseBeforeMigration.OpenAsync(Path.Combine(_folder.Path, "old.db"), "_LockoutForEveryAccount");
        await old.ExecuteAsync("""
            INSERT INTO "AspNetUsers" ("Id", "AccessFailedCount", "CreatedAtUtc", "EmailConfirmed", "FullName", "LockoutEnabled", "PhoneNumberConfirmed", "PreferredLanguage", "TwoFactorEnabled")
            VALUES ('invited', 0, '2026-11-20 10:00:00', 1, 'Kutsuttu', 0, 0, 'fi', 0),
                   ('registered', 0, '2026-11-20 10:00:00', 1, 'Rekisteröitynyt', 1, 0, 'fi', 0);
            """);

        await old.MigrateRestAsync();

        Assert.True(await old.Db.Users.AsNoTracking().AllAsync(u => u.LockoutEnabled));
        Assert.Equal(2, await old.Db.Users.CountAsync());
    }
}
