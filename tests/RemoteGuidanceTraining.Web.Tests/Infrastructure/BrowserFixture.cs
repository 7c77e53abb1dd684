using Microsoft.Playwright;

namespace RemoteGuidanceTraining.Web.Tests.Infrastructure;

/// <summary>One headless Debian Chromium for the whole test run; each test opens its own context.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run tests/run.sh, which installs Debian's chromium.");
        }

        // A save validates the whole course and a CI machine may be busy: expectations wait up to 15 s (Playwright's
        // default is 5 s) before calling a page wrong. They still pass as soon as the page is right.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            Headless = true,
            ExecutablePath = ChromiumPath,
            // Without the networking flags Chromium keeps calling home on a network that refuses it.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>A phone-sized or desktop context with Finnish as the browser language.</summary>
    public Task<IBrowserContext> NewContextAsync(string baseUrl, bool phone = false, string locale = "fi-FI") =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            IgnoreHTTPSErrors = true, // the test site's self-signed certificate
            Locale = locale,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
        });
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
