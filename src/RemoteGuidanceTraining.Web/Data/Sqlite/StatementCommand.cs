using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace RemoteGuidanceTraining.Web.Data.Sqlite;

/// <summary>
/// The command EF Core gets from a <see cref="PreparedSqliteConnection"/>: it collects the SQL, parameters and
/// transaction like any command, and runs them on the connection's kept <see cref="SqliteCommand"/> for that SQL.
/// </summary>
internal sealed class StatementCommand(PreparedSqliteConnection connection, PreparedStatements statements) : DbCommand
{
    private readonly ParameterList _parameters = new();
    private SqliteCommand? _own; // a command of its own, when the kept one was busy or the SQL is not kept
    private string _commandText = "";

    [AllowNull]
    public override string CommandText
    {
        get => _commandText;
        set => _commandText = value ?? "";
    }

    public override int CommandTimeout { get; set; } = connection.DefaultTimeout;

    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new ArgumentException($"SQLite runs only {nameof(CommandType.Text)} commands.", nameof(value));
            }
        }
    }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set
        {
            if (value is not null && !ReferenceEquals(value, connection))
            {
                throw new NotSupportedException("A command of a pooled SQLite connection stays with that connection.");
            }
        }
    }

    protected override DbParameterCollection DbParameterCollection => _parameters;

    protected override DbTransaction? DbTransaction { get; set; }

    public override void Cancel()
    {
    }

    public override void Prepare()
    {
    }

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) =>
        Run((command, kept) =>
        {
            var reader = command.ExecuteReader(behavior);
            if (kept is not null)
            {
                kept.Reader = reader; // not reused while it is read
            }

            return reader;
        });

    protected override Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(ExecuteDbDataReader(behavior)); // Microsoft.Data.Sqlite runs synchronously too
    }

    public override int ExecuteNonQuery() => Run((command, _) => command.ExecuteNonQuery());

    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(ExecuteNonQuery());
    }

    public override object? ExecuteScalar() => Run((command, _) => command.ExecuteScalar());

    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(ExecuteScalar());
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ReleaseOwn();
        }

        base.Dispose(disposing);
    }

    private void ReleaseOwn()
    {
        if (_own is not null)
        {
            statements.Release(_own);
            _own = null;
        }
    }

    private sealed class ParameterList : SqliteParameterCollection;

    private T Run<T>(Func<SqliteCommand, PreparedStatements.Entry?, T> execute)
    {
        var command = statements.For(_commandText, out var kept);
        if (kept is null)
        {
            ReleaseOwn();
            _own = command;
        }

        command.Parameters.Clear();
        foreach (SqliteParameter parameter in _parameters)
        {
            command.Parameters.Add(parameter);
        }

        command.Transaction = (SqliteTransaction?)DbTransaction;
        command.CommandTimeout = CommandTimeout;
        try
        {
            return execute(command, kept);
        }
        catch when (kept is not null)
        {
            statements.Forget(kept);
            throw;
        }
    }
}
