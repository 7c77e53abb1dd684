using Microsoft.EntityFrameworkCore.Infrastructure;

namespace RemoteGuidanceTraining.Web.Data.Sqlite;

/// <summary>Carries the site's <see cref="OpenSqliteConnections"/> in the context options to EF Core's connection service.</summary>
internal sealed class OpenSqliteConnectionsExtension(OpenSqliteConnections connections) : IDbContextOptionsExtension
{
    public OpenSqliteConnections Connections { get; } = connections;

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    // Read from the options, not injected: every site's contexts can share EF Core's internal services.
    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "OpenSqliteConnections ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["OpenSqliteConnections"] = "1";
    }
}
