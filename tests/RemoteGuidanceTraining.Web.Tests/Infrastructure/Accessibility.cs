using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace RemoteGuidanceTraining.Web.Tests.Infrastructure;

public static class Accessibility
{
    // axe-core as Deque.AxeCore.Commons bundles it, read once per test run.
    private static readonly string AxeSource = new BundledAxeScriptProvider().GetScript();

    // axe.run in the page itself, asking only for violations. Deque's RunAxe also checks cross-origin frames (the site
    // has none) by finishing each run in a freshly opened blank page, and returns every passing node as well: about
    // 3 s a page against 0.7 s (tests/RemoteGuidanceTraining.Benchmarks/README.md, "Test run time").
    private const string RunAxe = """
        async () => {
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations.map(v => ({
            id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map(n => JSON.stringify(n.target)),
          }));
        }
        """;

    /// <summary>Fails with a readable list when axe-core finds a serious or critical violation on the page.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeSource);
        }

        var violations = await page.EvaluateAsync<Violation[]>(RunAxe);
        var serious = violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Targets)}")
            .ToList();
        Assert.True(serious.Count == 0, $"axe-core on {page.Url}:\n" + string.Join("\n", serious));
    }

    // Playwright fills a result type through a parameterless constructor and settable properties.
    private sealed class Violation
    {
        public string Id { get; set; } = "";
        public string Impact { get; set; } = "";
        public string Help { get; set; } = "";
        public string[] Targets { get; set; } = [];
    }
}
