using Npgsql;

namespace RemoteGuidanceTraining.Web.Tests.Infrastructure;

/// <summary>
/// Which database the tests run on. tests/run.sh runs this project twice: on SQLite files, then with
/// RGT_TEST_POSTGRES set to a throwaway PostgreSQL server, where each test site gets a database of its own
/// (named after its data folder, so a restarted site finds its data) that is dropped when the site is disposed.
/// </summary>
public static class TestDatabase
{
    public const string Variable = "RGT_TEST_POSTGRES";

    /// <summary>A connection string without a database, e.g. "Host=127.0.0.1;Port=5433;Username=app".</summary>
    public static string? PostgresServer { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool IsPostgres => PostgresServer is not null;

    public static string ProviderName => IsPostgres ? "Postgres" : "Sqlite";

    public static void AddTo(IDictionary<string, string?> settings, string dataFolder)
    {
        if (IsPostgres)
        {
            settings["Database:Provider"] = "Postgres";
            settings["ConnectionStrings:Default"] = ConnectionString(dataFolder);
        }
    }

    public static string ConnectionString(string dataFolder) =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = NameFor(dataFolder) }.ConnectionString;

    /// <summary>Releases the site's database: SQLite files are closed, a PostgreSQL database is dropped.</summary>
    public static void Release(string dataFolder)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!IsPostgres)
        {
            return;
        }

        using (var pooled = new NpgsqlConnection(ConnectionString(dataFolder)))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        using var connection = ServerConnection();
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{NameFor(dataFolder)}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    /// <summary>An unpooled connection to the server's own "postgres" database, to create, alter or drop the tests' databases.</summary>
    public static NpgsqlConnection ServerConnection() =>
        new(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ConnectionString);

    private static string NameFor(string dataFolder) => "rgt_" + Path.GetFileName(dataFolder.TrimEnd('/')).ToLowerInvariant();
}
