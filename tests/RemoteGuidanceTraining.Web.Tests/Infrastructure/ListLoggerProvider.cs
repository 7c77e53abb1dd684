using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace RemoteGuidanceTraining.Web.Tests.Infrastructure;

/// <summary>Keeps every log line of a test site in memory, with the exception logged with it.</summary>
public sealed class ListLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Text, Exception? Exception)> Messages { get; } = new();

    public ILogger CreateLogger(string categoryName) => new ListLogger(Messages);

    /// <summary>Starts the site (its first request, /health) and returns what it logged on the way.</summary>
    public static async Task<List<(LogLevel Level, string Text, Exception? Exception)>> StartAsync(TestSite site)
    {
        var logs = new ListLoggerProvider();
        using var logged = site.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        using var client = logged.CreateClient();
        await client.GetAsync("/health");
        return [.. logs.Messages];
    }

    public void Dispose()
    {
    }

    private sealed class ListLogger(ConcurrentQueue<(LogLevel, string, Exception?)> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            messages.Enqueue((logLevel, formatter(state, exception), exception));
    }
}
