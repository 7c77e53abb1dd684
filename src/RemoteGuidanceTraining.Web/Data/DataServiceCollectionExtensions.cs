using Microsoft.EntityFrameworkCore;

namespace RemoteGuidanceTraining.Web.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// SQLite by default, in the data folder. "Database:Provider" is the switch a PostgreSQL deployment
    /// will use; queries stay provider-neutral so that it remains possible.
    /// </summary>
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration, AppPaths paths)
    {
        var connectionString = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = $"Data Source={paths.Resolve("app.db")}";
        }

        var provider = configuration["Database:Provider"] ?? "Sqlite";
        if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is not supported yet; use Sqlite.");
        }

        services.AddDbContext<AppDbContext>(options => options.UseSqlite(connectionString).AddInterceptors(new SqliteTuning()));
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>();
        return services;
    }

    /// <summary>Applies pending migrations (never EnsureCreated, so later schema changes upgrade data in place).</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        await SqliteTuning.UseWriteAheadLogAsync(db);
    }
}
