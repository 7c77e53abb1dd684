using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RemoteGuidanceTraining.Web.Tests.Infrastructure;

/// <summary>
/// Records the SQL commands EF Core sends while serving requests that carry a <see cref="Header"/>, per header
/// value, so a test can count one request's commands while background work (the outbox, completion re-checks)
/// goes on uncounted.
/// </summary>
public sealed class SqlCommandCounter(IHttpContextAccessor http) : DbCommandInterceptor
{
    public const string Header = "X-Test-Sql-Count";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _commands = new();

    public IReadOnlyList<string> CommandsOf(string requestId) => _commands.TryGetValue(requestId, out var list) ? [.. list] : [];

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Record(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Record(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Record(command, result));

    private T Record<T>(DbCommand command, T result)
    {
        if (http.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } id)
        {
            _commands.GetOrAdd(id, _ => new ConcurrentQueue<string>()).Enqueue(command.CommandText);
        }

        return result;
    }
}
