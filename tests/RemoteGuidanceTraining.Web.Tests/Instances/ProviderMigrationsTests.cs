using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Data.Postgres;

namespace RemoteGuidanceTraining.Web.Tests.Instances;

/// <summary>
/// Each provider keeps its own migrations; both must describe the current model. Comparing the model with a
/// provider's snapshot needs no server, so this runs on every test run whichever database the run uses.
/// </summary>
public sealed class ProviderMigrationsTests
{
    private const string Fix = "Run tools/add-migration.sh <Name>: it adds the migration for SQLite and PostgreSQL.";

    [Fact]
    public void The_SQLite_migrations_match_the_model()
    {
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(), Fix);
        Assert.All(db.Database.GetMigrations(), m => Assert.DoesNotContain("Postgres", m, StringComparison.Ordinal));
    }

    [Fact]
    public void The_PostgreSQL_migrations_match_the_model_and_are_a_set_of_their_own()
    {
        using var db = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseNpgsql("Host=localhost;Database=never_connected").Options);
        using var sqlite = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(), Fix);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.Empty(db.Database.GetMigrations().Intersect(sqlite.Database.GetMigrations()));
    }
}
