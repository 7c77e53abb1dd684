using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace RemoteGuidanceTraining.Web.Data.Sqlite;

/// <summary>
/// A SQLite connection that stays open between uses and keeps its prepared statements, so a query the site runs on
/// every page view is compiled once per connection instead of on every execution.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite keeps a statement prepared only for the life of one <see cref="SqliteCommand"/>, and closing
/// a connection disposes its commands. EF Core makes a new command for every query and closes the connection after
/// it, so SQLite compiled the lesson page's statements on every view: after rendering, the largest single cost of the
/// page (profiled). Here <see cref="Close"/> only ends the current use, undoing what a real close would (a
/// transaction left open, results left unread), and each SQL text runs on a command kept for it
/// (<see cref="PreparedStatements"/>). EF Core keeps a pooled context's connection object with the context, so a
/// connection lives as long as its context; disposing it closes it for good (<see cref="OpenSqliteConnections"/>
/// does that for the ones still open when the site stops).
/// </remarks>
public sealed class PreparedSqliteConnection : SqliteConnection
{
    private readonly PreparedStatements _statements;
    private readonly OpenSqliteConnections? _site;
    private bool _inUse;
    private bool _passThrough; // while the base class opens or closes for real, it sees the real state

    /// <param name="connectionString">The site's SQLite connection string.</param>
    /// <param name="site">The site's list of connections, which closes them when it stops; none for a connection of its own.</param>
    internal PreparedSqliteConnection(string connectionString, OpenSqliteConnections? site)
        : base(connectionString)
    {
        _statements = new PreparedStatements(this);
        _site = site;
        // SQLite's own lower() folds ASCII letters only; searches compare lower(column) with a lower-cased pattern
        // (Data/TextSearch), so ä, ö and å must fold too. Registered with the native connection once, as it stays open.
        CreateFunction("lower", (string? text) => text?.ToLowerInvariant(), isDeterministic: true);
    }

    /// <summary>Open while in use; the SQLite connection underneath stays open in between.</summary>
    public override ConnectionState State => _passThrough ? base.State : _inUse ? ConnectionState.Open : ConnectionState.Closed;

    /// <summary>Whether the SQLite connection underneath is open, in use or not (for tests and diagnostics).</summary>
    public bool IsOpenUnderneath => base.State == ConnectionState.Open;

    /// <summary>Whether a context is using the connection now (between its open and its close).</summary>
    internal bool InUse => _inUse;

    /// <summary>How many SQL texts this connection keeps prepared (for tests and diagnostics).</summary>
    public int PreparedCount => _statements.Count;

    public override void Open()
    {
        if (_inUse)
        {
            return;
        }

        if (!IsOpenUnderneath)
        {
            RealState(base.Open);
        }

        _inUse = true;
    }

    public override Task OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Open(); // SQLite opens synchronously either way
        return Task.CompletedTask;
    }

    /// <summary>Ends this use as a close would (an open transaction rolled back, unread results closed); the statements stay.</summary>
    public override void Close()
    {
        if (!_inUse)
        {
            return;
        }

        try
        {
            Transaction?.Dispose();
            _statements.EndUse();
        }
        finally
        {
            _inUse = false;
        }
    }

    public override Task CloseAsync()
    {
        Close();
        return Task.CompletedTask;
    }

    protected override DbCommand CreateDbCommand() => new StatementCommand(this, _statements);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
            _statements.Clear();
            RealState(base.Close);
            _site?.Forget(this);
        }

        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void RealState(Action action)
    {
        _passThrough = true;
        try
        {
            action();
        }
        finally
        {
            _passThrough = false;
        }
    }
}
