using System.Runtime.CompilerServices;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Foundation;

/// <summary>
/// A stopped site leaves nothing running that keeps it in memory. The rate limiter's timer and the web root's file
/// watcher kept every stopped site's services and pages reachable (about 7 MB a site): harmless for one site per
/// process, gigabytes over a test run that starts a site per test.
/// </summary>
public sealed class StoppedSiteTests
{
    [Fact]
    public async Task A_stopped_site_that_served_pages_and_a_rate_limited_post_can_be_collected()
    {
        // SQLite's connection pool starts a timer on first use, capturing whatever was flowing then; first used here,
        // outside any site, it keeps none of them.
        using (var warm = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:"))
        {
            warm.Open();
        }

        var services = await StartServeAndStopAsync();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (services.IsAlive && DateTime.UtcNow < deadline)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            await Task.Yield();
        }

        Assert.False(services.IsAlive, "Something still holds the stopped site's services.");
    }

    // Not inlined, so no local of this method keeps the site alive in the caller.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> StartServeAndStopAsync()
    {
        using var site = new TestSite();
        var client = site.CreateBrowserLikeClient();
        (await client.GetAsync("/")).EnsureSuccessStatusCode(); // the layout's asp-append-version watches its files
        (await client.SignInAsync("nobody@example.fi", "whatever-password")).EnsureSuccessStatusCode(); // the sign-in rate limit
        return new WeakReference(site.Services);
    }
}
