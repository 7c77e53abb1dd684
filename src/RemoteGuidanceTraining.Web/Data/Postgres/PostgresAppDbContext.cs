using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RemoteGuidanceTraining.Web.Data.Postgres;

/// <summary>
/// The same model on PostgreSQL. A context type of its own gives PostgreSQL its own set of migrations
/// (Data/Postgres/Migrations) next to SQLite's, as EF Core documents for several providers ("Migrations with
/// Multiple Providers: using multiple context types"). Services ask for <see cref="AppDbContext"/> and get this one.
/// </summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);

/// <summary>Lets `dotnet ef migrations add --context PostgresAppDbContext` build the model; it never connects.</summary>
internal sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
