namespace RemoteGuidanceTraining.Web.Tests.Infrastructure;

/// <summary>Polls a condition with a deadline: for what happens after a response (mail, background work), never a fixed sleep.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {timeoutMs} ms for {what}.");
            }

            await Task.Delay(50);
        }
    }
}
