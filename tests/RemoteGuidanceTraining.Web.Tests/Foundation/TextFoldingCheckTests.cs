using Microsoft.Extensions.Logging;
using Npgsql;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Foundation;

/// <summary>
/// A PostgreSQL database whose lower() folds only a–z (made with the C locale) would make name searches miss "Äijälä"
/// for "äijälä": the start says so once, and a database with a UTF-8 locale starts without a word about it.
/// </summary>
public sealed class TextFoldingCheckTests
{
    [Fact]
    public async Task A_database_that_folds_only_ascii_is_named_in_a_warning_at_start()
    {
        if (!TestDatabase.IsPostgres)
        {
            return; // SQLite's lower() is the site's own and folds every letter.
        }

        using var site = TestSite.WithEmptyDatabase(new Dictionary<string, string?>()); // the test makes the database itself
        var name = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString(site.DataFolder)).Database!;
        await using (var server = TestDatabase.ServerConnection())
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'", server);
            await create.ExecuteNonQueryAsync();
        }

        var logs = await ListLoggerProvider.StartAsync(site);

        Assert.Contains(logs, m => m.Level == LogLevel.Warning && m.Text.Contains($"PostgreSQL database {name} folds case only in a-z", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_database_that_folds_every_letter_starts_without_the_warning()
    {
        using var site = TestSite.With(new Dictionary<string, string?>());

        var logs = await ListLoggerProvider.StartAsync(site);

        Assert.DoesNotContain(logs, m => m.Text.Contains("folds case only", StringComparison.Ordinal));
    }
}
