using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RemoteGuidanceTraining.Web.Data;

/// <summary>
/// Stamps new rows from the one <see cref="TimeProvider"/>: every DateTime property of an added entity that the code
/// left unset (CreatedAtUtc, IssuedAtUtc, NextAttemptAtUtc, ...) gets the time of the save. Entities therefore carry
/// no defaults read from the machine clock, and a test with a fake clock sees its own time in every row.
/// </summary>
public sealed class CreationTimeInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State == EntityState.Added))
        {
            foreach (var property in entry.Properties.Where(p => p.Metadata.ClrType == typeof(DateTime) && p.CurrentValue is DateTime value && value == default))
            {
                property.CurrentValue = now;
            }
        }
    }
}

public static class CreationTimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the interceptor to the site's context whichever provider it uses: SQLite registers AppDbContext itself,
    /// PostgreSQL its derived PostgresAppDbContext, and EF Core keeps options per context type.
    /// </summary>
    public static IServiceCollection AddCreationTimes(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CreationTimeInterceptor>();
        services.ConfigureDbContext<AppDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<CreationTimeInterceptor>()));
        services.ConfigureDbContext<Postgres.PostgresAppDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<CreationTimeInterceptor>()));
        return services;
    }
}
