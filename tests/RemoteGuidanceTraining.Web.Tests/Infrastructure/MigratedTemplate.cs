using Microsoft.EntityFrameworkCore;
using Npgsql;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Data.Postgres;

namespace RemoteGuidanceTraining.Web.Tests.Infrastructure;

/// <summary>
/// A database migrated once per test run and copied for each test site: the tests start about one site per test,
/// and migrating an empty database was a quarter to a half of each start (benchmarks README, "Test run time").
/// A site started on the copy still runs its migrations, finds none pending and seeds what it seeds. Starting
/// from an empty database stays tested where it matters (<see cref="TestSite.WithEmptyDatabase"/>, the migration
/// tests, every site the README's command starts in the process tests).
/// </summary>
public static class MigratedTemplate
{
    private static readonly Lazy<string> SqliteFile = new(MigrateSqliteTemplate);
    private static readonly Lazy<string> PostgresDatabase = new(MigratePostgresTemplate);
    private static readonly Lock PostgresCopies = new();

    /// <summary>Gives the database the settings name a migrated schema, unless it already exists.</summary>
    public static void CopyFor(IDictionary<string, string?> settings)
    {
        if (settings.TryGetValue("Database:Provider", out var provider) && provider == "Postgres")
        {
            CopyPostgres(new NpgsqlConnectionStringBuilder(settings["ConnectionStrings:Default"]).Database!);
            return;
        }

        // A test that names its own SQLite file, or a data folder the site is to create, gets what it asked for.
        if (settings.TryGetValue("ConnectionStrings:Default", out var own) && !string.IsNullOrEmpty(own)
            || settings["App:DataFolder"] is not { } folder || !Directory.Exists(folder))
        {
            return;
        }

        var file = Path.Combine(folder, "app.db");
        if (!File.Exists(file))
        {
            File.Copy(SqliteFile.Value, file);
        }
    }

    private static string MigrateSqliteTemplate()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rgt-template-{Environment.ProcessId}.db");
        File.Delete(file);
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={file};Pooling=False");
        using (var db = new AppDbContext(SchemaMigration.Quiet(options).Options))
        {
            db.Database.Migrate();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(file);
        return file;
    }

    private static string MigratePostgresTemplate()
    {
        var name = $"rgt_template_{Environment.ProcessId}";
        ExecuteOnServer($"DROP DATABASE IF EXISTS \"{name}\"");
        var connection = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Database = name, Pooling = false }.ConnectionString;
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connection);
        using (var db = new PostgresAppDbContext(SchemaMigration.Quiet(options).Options))
        {
            db.Database.Migrate();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                ExecuteOnServer($"DROP DATABASE IF EXISTS \"{name}\"");
            }
            catch (NpgsqlException)
            {
                // The server went first (tests/run.sh's throwaway cluster is deleted with the template in it).
            }
        };
        return name;
    }

    private static void CopyPostgres(string database)
    {
        var template = PostgresDatabase.Value;
        // PostgreSQL copies a template only while nobody else uses it; one copy at a time keeps that simple.
        lock (PostgresCopies)
        {
            using var connection = OpenServer();
            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", database);
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\" TEMPLATE \"{template}\"", connection);
                create.ExecuteNonQuery();
            }
        }
    }

    private static void ExecuteOnServer(string sql)
    {
        using var connection = OpenServer();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static NpgsqlConnection OpenServer()
    {
        var connection = TestDatabase.ServerConnection();
        connection.Open();
        return connection;
    }
}
