using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Instances;

/// <summary>
/// Two dispatchers (two DbContexts with their own connections, as two instances have) claim from one outbox.
/// Runs on SQLite (conditional update) and on PostgreSQL (FOR UPDATE SKIP LOCKED) with tests/run.sh.
/// </summary>
public sealed class OutboxClaimTests : IDisposable
{
    private static readonly TimeSpan _lease = TimeSpan.FromMinutes(5);

    // The test's messages fall due a day from now by the clock the claims are given, so the site's own dispatcher
    // (which polls once at start, on the real clock, whenever a busy machine gets to it) never takes one.
    private static readonly DateTime _due = DateTime.UtcNow.AddDays(1);

    // The site's own dispatcher polls once at start and then sleeps: the test's claims are the only ones.
    private readonly TestSite _site = TestSite.With(new Dictionary<string, string?> { ["Mail:PollSeconds"] = "3600" });

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Two_dispatchers_claiming_at_once_never_take_the_same_message_and_leave_none_behind()
    {
        _ = _site.Server;
        var ids = await AddDueMessagesAsync(60);

        var claims = await Task.WhenAll(ClaimUntilEmptyAsync(), ClaimUntilEmptyAsync());

        Assert.Empty(claims[0].Intersect(claims[1]));
        Assert.Equal(ids.Order(), claims[0].Concat(claims[1]).Order());
    }

    [Fact]
    public async Task A_claim_keeps_others_away_until_its_lease_runs_out_then_anyone_takes_the_message()
    {
        _ = _site.Server;
        var id = Assert.Single(await AddDueMessagesAsync(1));
        var now = _due.AddMinutes(1);

        var first = await ClaimAsync(now, TimeSpan.FromSeconds(30));
        var whileLeased = await ClaimAsync(now.AddSeconds(29), _lease);
        var afterCrash = await ClaimAsync(now.AddSeconds(31), _lease);

        Assert.Equal([id], first);
        Assert.Empty(whileLeased);
        Assert.Equal([id], afterCrash);
    }

    private async Task<List<Guid>> ClaimUntilEmptyAsync()
    {
        var mine = new List<Guid>();
        while (await ClaimAsync(_due.AddMinutes(1), _lease) is { Count: > 0 } batch)
        {
            mine.AddRange(batch);
        }

        return mine;
    }

    private async Task<List<Guid>> ClaimAsync(DateTime nowUtc, TimeSpan lease)
    {
        using var scope = _site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var batch = await OutboxClaims.ClaimDueAsync(db, nowUtc, lease, batchSize: 7, CancellationToken.None);
        return batch.Select(m => m.Id).ToList();
    }

    private async Task<List<Guid>> AddDueMessagesAsync(int count)
    {
        using var scope = _site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var created = _due;
        var messages = Enumerable.Range(0, count).Select(i => new OutboxMessage
        {
            MessageId = $"<claim-{i}-{Guid.NewGuid():N}@test>",
            ToAddress = $"p{i}@example.fi",
            Subject = "Testi",
            Category = "test",
            Mime = [1],
            CreatedAtUtc = created,
            NextAttemptAtUtc = created.AddMilliseconds(i),
        }).ToList();
        db.OutboxMessages.AddRange(messages);
        await db.SaveChangesAsync();
        return messages.Select(m => m.Id).ToList();
    }
}
