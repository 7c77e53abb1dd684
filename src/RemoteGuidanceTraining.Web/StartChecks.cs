using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Npgsql;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web;

/// <summary>
/// What Program runs before the host starts: the settings checks (ValidateOnStart) and the database's migration.
/// A failure here becomes a <see cref="StartupException"/> with one sentence saying what to fix; left to the host,
/// it was logged as "Hosting failed to start" with a stack trace and the process ended with an unhandled exception.
/// A value the configuration binder cannot convert is already a StartupException (<see cref="SettingsBinding"/>).
/// </summary>
public static class StartChecks
{
    public static async Task RunAsync(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException e)
        {
            throw new StartupException(string.Join(" ", e.Failures.Distinct()), e);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            var failures = e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures).Distinct();
            throw new StartupException(string.Join(" ", failures), e);
        }

        try
        {
            await DatabaseInitializer.RunAsync(services);
        }
        catch (Exception e) when (Find<DbException>(e) is { } failure)
        {
            throw new StartupException(DatabaseFailure(services.GetRequiredService<DatabaseSettings>(), failure), e);
        }
    }

    /// <summary>Where the database is (never the password) and the server's own words.</summary>
    public static string DatabaseFailure(DatabaseSettings settings, DbException failure)
    {
        var reason = failure switch
        {
            PostgresException server => server.MessageText,
            _ when Find<SocketException>(failure) is { } socket => $"{failure.Message.TrimEnd('.')}: {socket.Message}",
            _ => failure.Message,
        };
        var place = Describe(settings);
        return failure is PostgresException { SqlState: var state } && !IsConnectionState(state)
            ? $"The database ({place}) could not be prepared: {reason}"
            : $"Could not connect to the database ({place}): {reason}";
    }

    /// <summary>Connection exceptions, wrong passwords and missing databases; anything else failed after connecting.</summary>
    private static bool IsConnectionState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("28", StringComparison.Ordinal)
        || state.StartsWith("3D", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal);

    /// <summary>Which database, for messages and logs: the SQLite file, or PostgreSQL's host, port, database and user.</summary>
    public static string Describe(DatabaseSettings settings)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            return $"Data Source={new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ConnectionString).DataSource}";
        }

        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        return $"Host={builder.Host}, Port={builder.Port}, Database={builder.Database}, Username={builder.Username}";
    }

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }
}
