using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace RemoteGuidanceTraining.Web.Tests.Infrastructure;

/// <summary>
/// The real site on Kestrel at https://127.0.0.1:&lt;free port&gt; (a test certificate), with a temporary data folder, for the browser.
/// It is started the way the README's command starts it (same builder, same migrations), and stops on dispose.
/// </summary>
public sealed class KestrelSite : IAsyncDisposable
{
    private readonly TempFolder _data;
    private readonly bool _ownsData;
    private readonly WebApplication _app;

    private KestrelSite(TempFolder data, bool ownsData, WebApplication app, string baseUrl)
    {
        _data = data;
        _ownsData = ownsData;
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public string DataFolder => _data.Path;

    public IServiceProvider Services => _app.Services;

    public PickupMailbox Mailbox => new(Path.Combine(DataFolder, "mail"));

    /// <summary>Starts a site; pass the data folder of an earlier site to restart on the same data.</summary>
    public static async Task<KestrelSite> StartAsync(IDictionary<string, string?>? overrides = null, TempFolder? data = null)
    {
        var ownsData = data is null;
        data ??= new TempFolder();
        // The port is chosen first so that App:PublicBaseUrl (every mailed link) can name it.
        var baseUrl = $"https://127.0.0.1:{FreePort()}";
        var args = new List<string>
        {
            $"--urls={baseUrl}",
            "--environment=Testing",
            $"--contentRoot={RepoPaths.WebProject}",
        };
        args.AddRange(TestCertificate.KestrelArguments());
        var settings = TestSettings.For(data.Path, overrides);
        if (settings["App:PublicBaseUrl"] == TestSite.BaseUrl) // the default; a test may set its own
        {
            settings["App:PublicBaseUrl"] = baseUrl;
        }

        MigratedTemplate.CopyFor(settings);
        args.AddRange(settings.Select(s => $"--{s.Key}={s.Value}"));
        var app = SiteBuilder.Build([.. args]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new KestrelSite(data, ownsData, app, address.TrimEnd('/'));
    }

    /// <summary>A client for this site over its HTTPS address, as a browser with cookies.</summary>
    public HttpClient CreateClient() => TestCertificate.ClientFor(BaseUrl);

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsData)
        {
            _data.Dispose();
        }
    }
}
