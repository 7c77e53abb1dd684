using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Foundation;

public sealed class DatabaseTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task A_fresh_install_gets_a_migrated_database_and_the_four_roles()
    {
        using var fresh = TestSite.WithEmptyDatabase(new Dictionary<string, string?>());
        using var scope = fresh.Services.CreateScope(); // starting the site applies migrations
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // Each provider has its own migrations: SQLite's in Data/Migrations, PostgreSQL's in Data/Postgres/Migrations.
        Assert.Equal(TestDatabase.IsPostgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
        Assert.Equal(TestDatabase.IsPostgres, File.Exists(Path.Combine(fresh.DataFolder, "app.db")) is false);
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(["Admin", "Coordinator", "Participant", "Trainer"], await db.Roles.Select(r => r.Name!).OrderBy(n => n).ToListAsync());
    }

    [Fact]
    public void The_model_has_no_changes_missing_from_the_migrations()
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // Runs once per provider (tests/run.sh runs the suite on SQLite and on PostgreSQL).
        Assert.False(db.Database.HasPendingModelChanges(), $"The {TestDatabase.ProviderName} migrations lag behind the model: run tools/add-migration.sh <Name>.");
    }

    [Fact]
    public async Task SQLite_connections_open_without_EF_Cores_decimal_functions()
    {
        // SQLite only: the functions are a SQLite provider's; PostgreSQL has decimal arithmetic of its own.
        if (TestDatabase.IsPostgres)
        {
            return;
        }

        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            // EF Core registered twelve functions on every open, and each registration left a handle for the
            // finalizer thread (15-30 % of the CPU under load); the application needs none of them.
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT ef_add(1, 2)";
            var error = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => command.ExecuteScalarAsync());
            Assert.Contains("no such function: ef_add", error.Message);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
