using Npgsql;

namespace RemoteGuidanceTraining.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// "Database:Provider" and "ConnectionStrings:Default", read and checked once at start so that a wrong setting
/// stops the site with a sentence saying what to fix instead of failing at the first request.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseSettings From(IConfiguration configuration, AppPaths paths)
    {
        var name = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(name) ? DatabaseProvider.Sqlite
            : Enum.GetNames<DatabaseProvider>().FirstOrDefault(n => string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase)) is { } known
                ? Enum.Parse<DatabaseProvider>(known)
            : throw new StartupException($"Database:Provider '{name}' is not one of Sqlite, Postgres.");
        var connectionString = configuration.GetConnectionString("Default");
        if (provider == DatabaseProvider.Sqlite)
        {
            return new(provider, string.IsNullOrWhiteSpace(connectionString) ? $"Data Source={paths.Resolve("app.db")}" : connectionString);
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StartupException(
                "Database:Provider is Postgres but ConnectionStrings:Default is empty; set it, e.g. " +
                "\"Host=db.example.fi;Database=etaohjaus;Username=etaohjaus;Password=...\".");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException error)
        {
            throw new StartupException(
                $"ConnectionStrings:Default is not a valid PostgreSQL connection string ({error.Message}); write it as " +
                "\"Host=db.example.fi;Database=etaohjaus;Username=etaohjaus;Password=...\" (key=value pairs, not a postgres:// address).", error);
        }

        if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database))
        {
            throw new StartupException("ConnectionStrings:Default for PostgreSQL must name both Host and Database, e.g. \"Host=db.example.fi;Database=etaohjaus;Username=etaohjaus;Password=...\".");
        }

        return new(provider, connectionString);
    }
}
