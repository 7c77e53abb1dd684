using System.Collections.Concurrent;

namespace RemoteGuidanceTraining.Web.Data.Sqlite;

/// <summary>
/// The site's <see cref="PreparedSqliteConnection"/>s, closed for good when the site stops. EF Core 10 does not
/// dispose the contexts waiting in its pool when the pool is disposed (it takes them for disposed already), so their
/// connections, which stay open between uses, would otherwise stay open until the garbage collector finds them.
/// </summary>
public sealed class OpenSqliteConnections : IDisposable
{
    private readonly ConcurrentDictionary<PreparedSqliteConnection, byte> _connections = new();
    private volatile bool _disposed;

    /// <summary>How many connections the site holds (for tests and diagnostics).</summary>
    public int Count => _connections.Count;

    internal PreparedSqliteConnection Create(string connectionString)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = new PreparedSqliteConnection(connectionString, this);
        _connections[connection] = 0;
        return connection;
    }

    internal void Forget(PreparedSqliteConnection connection) => _connections.TryRemove(connection, out _);

    public void Dispose()
    {
        _disposed = true;
        foreach (var connection in _connections.Keys)
        {
            // One still in use (work that outlived the stop, e.g. a job's last query) is left to its user, whose
            // context closes it: disposing its commands under it failed with "Collection was modified" and made the
            // whole shutdown throw.
            if (connection.InUse)
            {
                continue;
            }

            try
            {
                connection.Dispose();
            }
            catch (InvalidOperationException)
            {
                // Taken into use between the check and the dispose; as above.
            }
        }
    }
}
