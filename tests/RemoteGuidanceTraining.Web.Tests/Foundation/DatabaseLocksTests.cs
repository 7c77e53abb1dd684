using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Tests.Foundation;

/// <summary>A lock that could not be taken leaves nothing behind: the next save or import under its name is not kept waiting.</summary>
public sealed class DatabaseLocksTests
{
    [Fact]
    public async Task A_connection_string_that_cannot_be_read_fails_each_acquire_without_keeping_the_next_one_waiting()
    {
        var locks = new DatabaseLocks(new DatabaseSettings(DatabaseProvider.Postgres, "No Such Keyword=1"));
        // Only the failure signal: a semaphore left taken would make the second acquire wait until this runs out.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        await Assert.ThrowsAsync<ArgumentException>(() => locks.AcquireAsync("workspace:kurssi", patience.Token));
        await Assert.ThrowsAsync<ArgumentException>(() => locks.AcquireAsync("workspace:kurssi", patience.Token));
    }
}
