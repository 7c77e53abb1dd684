using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace RemoteGuidanceTraining.Web.Tests.Infrastructure;

public static class Accessibility
{
    /// <summary>Fails with a readable list when axe-core finds a serious or critical violation on the page.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(serious.Count == 0, $"axe-core on {page.Url}:\n" + string.Join("\n", serious));
    }
}
