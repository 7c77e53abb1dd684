using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using RemoteGuidanceTraining.Web.Data.Sqlite;

namespace RemoteGuidanceTraining.Web.Data;

// EF1001: the SQLite provider offers no public switch for this; the class it derives from is EF Core's own.
#pragma warning disable EF1001

/// <summary>
/// EF Core's SQLite connection without the twelve SQL functions, aggregates and collations it adds to every
/// connection object (regexp, and ef_add, ef_compare, ef_sum … for decimal arithmetic in SQL). Microsoft.Data.Sqlite
/// registers them again with the native connection on every open, pooled or not, and each registration leaves a
/// handle for the finalizer: profiling the lesson page and the catalogue under load showed the finalizer thread
/// using 15–30 % of the site's CPU on nothing else.
/// </summary>
/// <remarks>
/// No query of this application does decimal arithmetic, decimal ordering or regular expressions in SQL (the one
/// decimal, a certificate's credits, is only read). A query that needed them would fail on SQLite with "no such
/// function: ef_…", in the tests first.
/// </remarks>
internal sealed class SqliteConnectionWithoutEfFunctions(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    private readonly OpenSqliteConnections? _site = dependencies.ContextOptions.FindExtension<OpenSqliteConnectionsExtension>()?.Connections;

    // Also one that keeps its statements prepared between uses (see PreparedSqliteConnection).
    protected override DbConnection CreateDbConnection() =>
        _site?.Create(GetValidatedConnectionString()) ?? new PreparedSqliteConnection(GetValidatedConnectionString(), site: null);
}

internal static class SqliteConnectionWithoutEfFunctionsExtensions
{
    /// <summary>Uses <see cref="SqliteConnectionWithoutEfFunctions"/> for this context's connections.</summary>
    public static DbContextOptionsBuilder WithoutEfFunctions(this DbContextOptionsBuilder options) =>
        options.ReplaceService<ISqliteRelationalConnection, SqliteConnectionWithoutEfFunctions>();

    /// <summary>Registers this context's connections with the site's <paramref name="connections"/>, which close them when it stops.</summary>
    public static DbContextOptionsBuilder ClosedWith(this DbContextOptionsBuilder options, OpenSqliteConnections connections)
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new OpenSqliteConnectionsExtension(connections));
        return options;
    }
}
