using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace RemoteGuidanceTraining.Web;

/// <summary>Turns the ways a start fails for reasons outside the code (settings, disk, database file) into one line.</summary>
public static class StartupFailure
{
    public static string? Describe(Exception e) => e switch
    {
        StartupException s => s.Message,
        OptionsValidationException o => string.Join(" ", o.Failures),
        SqliteException { SqliteErrorCode: 8 or 13 or 14 } sqlite => $"the database file cannot be written ({sqlite.Message.TrimEnd('.')}); check the data folder's permissions and free space.",
        UnauthorizedAccessException or IOException => e.Message,
        AggregateException { InnerExceptions.Count: 1 } a => Describe(a.InnerExceptions[0]),
        _ when e.InnerException is { } inner => Describe(inner),
        _ => null,
    };
}
