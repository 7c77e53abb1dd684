using Microsoft.Extensions.Logging;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Foundation;

/// <summary>
/// A normal start says which migrations it applied (an operator upgrading gets a confirmation) and logs none of
/// EF Core's known-harmless migration messages, which read like a half-applied schema.
/// </summary>
public sealed class MigrationLogTests
{
    [Fact]
    public async Task A_first_start_names_the_migrations_it_applied_and_warns_of_nothing_half_applied()
    {
        using var site = TestSite.WithEmptyDatabase(new Dictionary<string, string?>());

        var logs = await ListLoggerProvider.StartAsync(site);

        Assert.Contains(logs, m => m.Level == LogLevel.Information && m.Text.Contains("migration(s): ", StringComparison.Ordinal)
            && m.Text.Contains("_Initial", StringComparison.Ordinal) && m.Text.Contains(Place(site), StringComparison.Ordinal));
        Assert.DoesNotContain(logs, m => m.Level >= LogLevel.Warning && m.Text.Contains("migration", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(logs, m => m.Text.Contains("PRAGMA foreign_keys", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_start_with_nothing_to_migrate_says_the_schema_is_up_to_date()
    {
        // SQLite only: on PostgreSQL each test site gets a database of its own, made afresh.
        if (TestDatabase.IsPostgres)
        {
            return;
        }

        using var first = TestSite.WithEmptyDatabase(new Dictionary<string, string?>());
        await ListLoggerProvider.StartAsync(first);
        using var again = TestSite.With(new Dictionary<string, string?> { ["App:DataFolder"] = first.DataFolder });

        var logs = await ListLoggerProvider.StartAsync(again);

        Assert.Contains(logs, m => m.Level == LogLevel.Information && m.Text.Contains("schema up to date", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, m => m.Text.Contains("applied", StringComparison.Ordinal) && m.Text.Contains("migration(s)", StringComparison.Ordinal));
    }

    // Where the message says it migrated: the SQLite file, or the PostgreSQL server and database (never the password).
    private static string Place(TestSite site) =>
        TestDatabase.IsPostgres ? $"Database={new Npgsql.NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString(site.DataFolder)).Database}" : Path.Combine(site.DataFolder, "app.db");
}
