using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Coordination;

/// <summary>
/// Pending invitations that the earlier import gave to accounts that already existed stop being accepted by setting
/// a password; an invitation that created its account keeps its one-step accept. Runs the SQLite migrations on a file.
/// </summary>
public sealed class InvitationMigrationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task Only_invitations_that_created_their_account_are_still_accepted_by_setting_a_password()
    {
        await using var old = await DatabaseBeforeMigration.OpenAsync(Path.Combine(_folder.Path, "old.db"), "_InvitationsOfExistingAccountsAskFirst");
        // "created": the invitation made the account seconds before; "registered": the account was a month older;
        // "accepted": an old account's invitation already answered, left as it is.
        await old.ExecuteAsync("""
            PRAGMA foreign_keys = OFF;
            INSERT INTO "AspNetUsers" ("Id", "AccessFailedCount", "CreatedAtUtc", "EmailConfirmed", "FullName", "LockoutEnabled", "PhoneNumberConfirmed", "PreferredLanguage", "TwoFactorEnabled")
            VALUES ('created', 0, '2026-11-20 10:00:00.1234567', 0, 'Uusi', 1, 0, 'fi', 0),
                   ('registered', 0, '2026-10-20 10:00:00.1234567', 0, 'Itse rekisteröitynyt', 1, 0, 'fi', 0),
                   ('accepted', 0, '2026-10-20 10:00:00', 1, 'Jo hyväksynyt', 1, 0, 'fi', 0);
            INSERT INTO "CohortMembers" ("CohortId", "UserId", "AddedAtUtc", "AcceptedBySettingPassword", "Status")
            VALUES (1, 'created', '2026-11-20 10:00:04.5', 1, 1),
                   (1, 'registered', '2026-11-20 10:00:04.5', 1, 1),
                   (1, 'accepted', '2026-11-20 10:00:04.5', 1, 0);
            PRAGMA foreign_keys = ON;
            """);

        await old.MigrateRestAsync();

        var flags = await old.Db.CohortMembers.AsNoTracking().OrderBy(m => m.UserId).Select(m => new { m.UserId, m.AcceptedBySettingPassword }).ToListAsync();
        Assert.Equal([("accepted", true), ("created", true), ("registered", false)], flags.Select(f => (f.UserId, f.AcceptedBySettingPassword)));
    }
}
