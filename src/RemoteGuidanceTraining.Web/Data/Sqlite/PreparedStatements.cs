using Microsoft.Data.Sqlite;

namespace RemoteGuidanceTraining.Web.Data.Sqlite;

/// <summary>
/// One connection's prepared statements: a <see cref="SqliteCommand"/> per SQL text, kept for the
/// <see cref="Capacity"/> texts used most recently. A command keeps its statements prepared as long as its text stays
/// the same, so running the same query again skips SQLite's compile step.
/// </summary>
/// <remarks>
/// Only reads and writes of rows are kept (SELECT, INSERT, UPDATE, DELETE, WITH): schema changes and pragmas run once.
/// Not thread-safe, like the connection: one context uses a connection at a time.
/// </remarks>
internal sealed class PreparedStatements(SqliteConnection connection)
{
    public const int Capacity = 100;

    private readonly Dictionary<string, LinkedListNode<Entry>> _byText = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recent = new(); // most recently used first
    private readonly HashSet<SqliteCommand> _loose = []; // commands of one use only, disposed at its end at the latest
    private readonly List<Entry> _used = []; // kept commands handed out since the use began: the ones to tidy at its end

    public int Count => _byText.Count;

    /// <summary>
    /// A command for <paramref name="sql"/>: the kept one when it is free (<paramref name="kept"/> is its entry, where
    /// the caller notes the reader it opens), else a new one the caller releases (<paramref name="kept"/> is null).
    /// </summary>
    public SqliteCommand For(string sql, out Entry? kept)
    {
        if (_byText.TryGetValue(sql, out var node))
        {
            if (node.Value.Reader is { IsClosed: false })
            {
                kept = null; // its results are still being read (a query inside a query): a command of its own
                return Loose(sql);
            }

            _recent.Remove(node);
            _recent.AddFirst(node);
            kept = Use(node.Value);
            return kept.Command;
        }

        if (!IsWorthKeeping(sql))
        {
            kept = null;
            return Loose(sql);
        }

        if (_byText.Count >= Capacity)
        {
            var oldest = _recent.Last!;
            if (oldest.Value.Reader is { IsClosed: false })
            {
                kept = null; // the least recently used is still being read: nothing to make room with now
                return Loose(sql);
            }

            _recent.RemoveLast();
            _byText.Remove(oldest.Value.Command.CommandText);
            oldest.Value.Command.Dispose();
        }

        var entry = new Entry(New(sql));
        _byText[sql] = _recent.AddFirst(entry);
        kept = Use(entry);
        return entry.Command;
    }

    /// <summary>Disposes a command <see cref="For"/> made for one execution.</summary>
    public void Release(SqliteCommand command)
    {
        _loose.Remove(command);
        command.Dispose();
    }

    /// <summary>A kept command whose execution failed is dropped: its statements may be left mid-step.</summary>
    public void Forget(Entry kept)
    {
        if (_byText.TryGetValue(kept.Command.CommandText, out var node) && ReferenceEquals(node.Value, kept))
        {
            _byText.Remove(kept.Command.CommandText);
            _recent.Remove(node);
        }

        kept.Command.Dispose();
    }

    /// <summary>
    /// The end of a context's use of the connection, as closing a connection would: results nobody closed are closed
    /// (which resets their statements, so no read snapshot outlives the use), commands of that use only are disposed,
    /// and parameter values are let go.
    /// </summary>
    public void EndUse()
    {
        foreach (var command in _loose)
        {
            command.Dispose();
        }

        _loose.Clear();
        foreach (var entry in _used)
        {
            if (entry.Reader is { IsClosed: false } reader)
            {
                reader.Dispose();
            }

            entry.Reader = null;
            entry.Command.Parameters.Clear();
            entry.Command.Transaction = null;
            entry.Used = false;
        }

        _used.Clear();
    }

    public void Clear()
    {
        EndUse();
        foreach (var entry in _recent)
        {
            entry.Command.Dispose();
        }

        _recent.Clear();
        _byText.Clear();
    }

    private Entry Use(Entry entry)
    {
        if (!entry.Used)
        {
            entry.Used = true;
            _used.Add(entry);
        }

        return entry;
    }

    private SqliteCommand Loose(string sql)
    {
        var command = New(sql);
        _loose.Add(command);
        return command;
    }

    private SqliteCommand New(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static bool IsWorthKeeping(string sql)
    {
        var start = sql.AsSpan().TrimStart();
        return start.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("WITH", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A kept command and the reader it last returned, which must be closed before the command runs again.</summary>
    internal sealed class Entry(SqliteCommand command)
    {
        public SqliteCommand Command { get; } = command;

        public SqliteDataReader? Reader { get; set; }

        public bool Used { get; set; }
    }
}
