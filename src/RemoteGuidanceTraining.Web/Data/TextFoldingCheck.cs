using Microsoft.EntityFrameworkCore;

namespace RemoteGuidanceTraining.Web.Data;

/// <summary>
/// Name and address searches ignore case through SQL lower() (<see cref="TextSearch"/>). PostgreSQL's lower() folds
/// by the database's character type (LC_CTYPE): in a database made with the C locale it folds only a–z, so "äijälä"
/// would not find "Äijälä". Nothing is wrong to migrate, so the start goes on, and the operator is told once how to
/// make the database. (SQLite's lower() is the site's own, which folds every letter.)
/// </summary>
public static partial class TextFoldingCheck
{
    public static async Task CheckTextFoldingAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        var folded = await db.Database.SqlQuery<string>($"SELECT lower('ÄÖÅ') AS \"Value\"").SingleAsync(cancellationToken);
        if (folded != "äöå")
        {
            LogNoFolding(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TextFoldingCheck).FullName!), db.Database.GetDbConnection().Database);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL database {Database} folds case only in a-z (its LC_CTYPE is C or another locale " +
        "without Finnish letters): searching names for \"äijälä\" will not find \"Äijälä\". Make the database with a UTF-8 locale, e.g. " +
        "CREATE DATABASE ... TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'fi_FI.UTF-8' LC_CTYPE 'fi_FI.UTF-8' (or C.UTF-8), and move the data to it.")]
    private static partial void LogNoFolding(ILogger logger, string database);
}
