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
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {timeoutMs} ms for {what}.");
            }

            await Task.Delay(PollMs);
        }
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
