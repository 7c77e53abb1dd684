using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Foundation;

public sealed class DatabaseTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task A_fresh_data_folder_gets_a_migrated_SQLite_database_and_the_four_roles()
    {
        _ = site.Server; // starting the site applies migrations
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.True(File.Exists(Path.Combine(site.DataFolder, "app.db")));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(["Admin", "Coordinator", "Participant", "Trainer"], await db.Roles.Select(r => r.Name!).OrderBy(n => n).ToListAsync());
    }

    [Fact]
    public void The_model_has_no_changes_missing_from_the_migrations()
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.False(db.Database.HasPendingModelChanges(), "Run `dotnet ef migrations add <Name>` in src/RemoteGuidanceTraining.Web.");
    }
}
