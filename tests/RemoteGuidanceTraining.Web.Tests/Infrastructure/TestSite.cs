using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace RemoteGuidanceTraining.Web.Tests.Infrastructure;

/// <summary>
/// The whole site in memory (WebApplicationFactory) on a real SQLite file in a temporary data folder.
/// Give a test class its own instance (IClassFixture or `using`): the database starts empty.
/// </summary>
public class TestSite : WebApplicationFactory<Program>
{
    private readonly TempFolder _data = new();
    private readonly IDictionary<string, string?> _settings;

    public TestSite() : this(new Dictionary<string, string?>(), emptyDatabase: false)
    {
    }

    // Not public: xunit requires a class fixture to have exactly one public constructor.
    private TestSite(IDictionary<string, string?> overrides, bool emptyDatabase)
    {
        _settings = TestSettings.For(_data.Path, overrides);
        if (!emptyDatabase)
        {
            MigratedTemplate.CopyFor(_settings);
        }

        // Outside Development cookies are Secure: the test client talks https, as a browser would to the real site.
        ClientOptions.BaseAddress = new Uri(BaseUrl);
    }

    /// <summary>The in-memory site's address; also its App:PublicBaseUrl, so mailed links lead back to it.</summary>
    public const string BaseUrl = "https://localhost";

    /// <summary>A site with some settings changed, for tests that need it (e.g. a low rate limit).</summary>
    public static TestSite With(IDictionary<string, string?> overrides) => new(overrides, emptyDatabase: false);

    /// <summary>A site whose database is created and migrated by its own start, as on a fresh install.</summary>
    public static TestSite WithEmptyDatabase(IDictionary<string, string?> overrides) => new(overrides, emptyDatabase: true);

    public string DataFolder => _data.Path;

    public PickupMailbox Mailbox => new(Path.Combine(DataFolder, "mail"));

    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(BaseUrl) });

    public async Task WithServicesAsync(Func<IServiceProvider, Task> action)
    {
        using var scope = Services.CreateScope();
        await action(scope.ServiceProvider);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            _data.Dispose();
        }
    }
}
