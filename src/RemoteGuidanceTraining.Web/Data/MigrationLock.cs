using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace RemoteGuidanceTraining.Web.Data;

/// <summary>
/// Lets one starting instance at a time migrate and seed. On PostgreSQL that is a session advisory lock on the
/// site's database (pg_advisory_lock), held on a connection of its own until disposed; an instance that dies
/// releases it with its connection. SQLite is one process by design, so it needs none.
/// </summary>
public sealed class MigrationLock : IAsyncDisposable
{
    /// <summary>Any fixed number works: advisory locks are per database, and <see cref="DatabaseLocks"/> hashes its names to other keys.</summary>
    public const long Key = 0x5247_5400_4D49_4752; // "RGT" + "MIGR"

    private readonly NpgsqlConnection? _connection;

    private MigrationLock(NpgsqlConnection? connection) => _connection = connection;

    public static async Task<MigrationLock> AcquireAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        if (settings.Provider != DatabaseProvider.Postgres)
        {
            return new MigrationLock(null);
        }

        await EnsureDatabaseExistsAsync(services, cancellationToken);
        var connection = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new MigrationLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null)
        {
            return;
        }

        // Unlock explicitly: a pooled connection would otherwise keep the session, and with it the lock.
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection))
        {
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync();
        }

        await _connection.DisposeAsync();
    }

    /// <summary>The lock lives in the database, so the database must exist first; two instances may race to create it.</summary>
    private static async Task EnsureDatabaseExistsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var creator = scope.ServiceProvider.GetRequiredService<AppDbContext>().GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException error) when (error.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another instance created it a moment ago.
        }
    }
}
