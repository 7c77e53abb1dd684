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
        _ = site.Server; // starting the site applies migrations
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // Each provider has its own migrations: SQLite's in Data/Migrations, PostgreSQL's in Data/Postgres/Migrations.
        Assert.Equal(TestDatabase.IsPostgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
        Assert.Equal(TestDatabase.IsPostgres, File.Exists(Path.Combine(site.DataFolder, "app.db")) is false);
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
}
