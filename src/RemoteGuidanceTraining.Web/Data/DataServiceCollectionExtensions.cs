using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RemoteGuidanceTraining.Web.Data.Postgres;
using RemoteGuidanceTraining.Web.Data.Sqlite;

namespace RemoteGuidanceTraining.Web.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Pooled SQLite contexts kept between requests, each with an open connection (EF Core's default is 1,024).</summary>
    public const int SqliteContextPoolSize = 128;

    /// <summary>
    /// SQLite in the data folder by default; "Database:Provider" = Postgres for several instances on one database.
    /// Either way services ask for <see cref="AppDbContext"/>; queries stay provider-neutral.
    /// </summary>
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration, AppPaths paths, string contentRoot)
    {
        var settings = DatabaseSettings.From(configuration, paths);
        services.AddSingleton(settings);
        services.AddSingleton<DatabaseLocks>();
        // Pooled: every request needs a context, and setting one up from scratch was a visible share of a lesson
        // page's time. The context holds no state of its own besides what EF resets between uses.
        // A list in a query ("ids.Contains(x.Id)") goes as one array parameter (json_each on SQLite, = ANY on
        // PostgreSQL): EF Core 10's default, one parameter per element, makes EF generate the SQL again on every
        // execution, which on the lesson page cost more than running it, and caps a list at SQLite's parameter limit.
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextPool<AppDbContext, PostgresAppDbContext>(options => options.UseNpgsql(settings.ConnectionString, o => o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)).WithFailedWritesQuiet());
        }
        else
        {
            // Each pooled context keeps an open SQLite connection with its prepared statements (PreparedSqliteConnection),
            // so the pool is kept to what a busy site uses at once; a context beyond it is disposed, closing its connection.
            services.AddSingleton<OpenSqliteConnections>();
            services.AddDbContextPool<AppDbContext>(
                (site, options) => options
                    .UseSqlite(settings.ConnectionString, o => o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                    .AddInterceptors(new SqliteTuning()).WithoutEfFunctions().ClosedWith(site.GetRequiredService<OpenSqliteConnections>())
                    .WithFailedWritesQuiet(),
                poolSize: SqliteContextPoolSize);
        }

        // Keys in the database: a cookie or antiforgery token issued by one instance is read by every other; encrypted
        // with a certificate when one is configured (KeyEncryption).
        services.AddDataProtection().SetApplicationName("RemoteGuidanceTraining").PersistKeysToDbContext<AppDbContext>()
            .EncryptKeysAsConfigured(configuration, contentRoot);
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>();
        return services;
    }

    /// <summary>
    /// EF Core logs every failed command and SaveChanges at Error with the stack, including the unique violations
    /// the code expects and handles (two requests enrolling, completing or answering a quiz at once), on which
    /// operators' monitoring would alert. They are logged at Information instead: a failure nobody handles still
    /// reaches the exception handler (a request), the job's or the outbox dispatcher's own catch, each of which
    /// logs it at Error with its stack.
    /// </summary>
    private static DbContextOptionsBuilder WithFailedWritesQuiet(this DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Log(
            (RelationalEventId.CommandError, LogLevel.Information),
            (CoreEventId.SaveChangesFailed, LogLevel.Information)));
}
