namespace RemoteGuidanceTraining.Web.Tests.Infrastructure;

/// <summary>
/// Polls a condition with a deadline: for what happens after a response (mail, background work, a file watcher),
/// never a fixed sleep. Every wait in the tests goes through here, so a slow machine only needs one knob.
/// </summary>
public static class Eventually
{
    private const int PollMs = 50;

    public static Task TrueAsync(Func<bool> condition, string what, int timeoutMs = 10_000) =>
        TrueAsync(() => Task.FromResult(condition()), what, timeoutMs);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, int timeoutMs = 10_000)
    {
        if (!await WithinAsync(condition, timeoutMs))
        {
            throw new TimeoutException($"Waited {timeoutMs} ms for {what}.");
        }
    }

    /// <summary>
    /// Whether the condition came true before the deadline, for a test that then reports what it found either way
    /// (a load run's figures say more than "timed out").
    /// </summary>
    public static async Task<bool> WithinAsync(Func<Task<bool>> condition, int timeoutMs, int pollMs = PollMs)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(pollMs);
        }

        return true;
    }

    /// <summary>Returns the first non-null value the probe gives; throws naming <paramref name="what"/> when the time is up.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, string what, int timeoutMs = 10_000)
        where T : class
    {
        T? value = null;
        await TrueAsync(async () => (value = await probe()) is not null, what, timeoutMs);
        return value!;
    }
}
