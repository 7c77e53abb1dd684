using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace RemoteGuidanceTraining.Web.Data;

/// <summary>
/// Named locks for work that checks and then writes across several statements, files or transactions (a workspace
/// save, a cohort import). Within one instance a semaphore per name; on PostgreSQL, where several instances share
/// the database, also a session advisory lock (pg_advisory_lock) on a connection of its own, so the other instances
/// wait too. SQLite is one process by design, so the semaphore is the whole lock there.
/// </summary>
public sealed class DatabaseLocks(DatabaseSettings settings)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _local = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _waiting = new(StringComparer.Ordinal);

    /// <summary>Waits until no one else, in this instance or another, holds the lock <paramref name="name"/>; dispose to release it.</summary>
    public async Task<IAsyncDisposable> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        // The instance's own waiters queue here first, so each instance holds at most one connection per name.
        var local = _local.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        _waiting.AddOrUpdate(name, 1, (_, n) => n + 1);
        try
        {
            await local.WaitAsync(cancellationToken);
        }
        finally
        {
            _waiting.AddOrUpdate(name, 0, (_, n) => n - 1);
        }

        if (settings.Provider != DatabaseProvider.Postgres)
        {
            return new Held(local, null, 0);
        }

        var key = KeyOf(name);
        NpgsqlConnection? connection = null;
        try
        {
            // Inside the try: a connection string that cannot be read must release the semaphore too, or every
            // later wait for this name would hang.
            // Not pooled: a lock can never stay behind in a pooled session, and a lost connection releases it.
            connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new Held(local, connection, key);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            local.Release();
            throw;
        }
    }

    /// <summary>How many in this instance wait for the lock <paramref name="name"/> now (for diagnostics and tests that order concurrent work).</summary>
    public int WaitingInThisInstance(string name) => _waiting.TryGetValue(name, out var n) ? n : 0;

    /// <summary>A 64-bit key from the name; a collision only makes two names wait for each other. Never <see cref="MigrationLock.Key"/> in practice.</summary>
    public static long KeyOf(string name) => BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("rgt-lock:" + name)));

    private sealed class Held(SemaphoreSlim local, NpgsqlConnection? connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                if (connection is not null)
                {
                    await using (connection)
                    {
                        await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                        command.Parameters.AddWithValue("key", key);
                        try
                        {
                            await command.ExecuteNonQueryAsync();
                        }
                        catch (Exception)
                        {
                            // The connection is lost or broken (Npgsql then throws InvalidOperationException too): its
                            // session, and with it the lock, ends as it closes. The work under the lock has committed,
                            // so this must not turn it into an error.
                        }
                    }
                }
            }
            finally
            {
                local.Release();
            }
        }
    }
}
