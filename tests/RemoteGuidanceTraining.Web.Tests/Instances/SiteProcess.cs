using System.Diagnostics;
using System.Globalization;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Instances;

/// <summary>
/// The built site run as its own operating-system process (`dotnet RemoteGuidanceTraining.Web.dll`), as a real
/// instance behind a load balancer is, so that it can be killed with SIGKILL. Started under `timeout`, so it stops
/// by itself even if the test process dies.
/// </summary>
public sealed class SiteProcess : IDisposable
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly List<string> _log = [];
    private Process? _process;

    public SiteProcess(int port, IReadOnlyDictionary<string, string?> settings)
    {
        Port = port;
        _settings = settings;
    }

    public int Port { get; }

    public string BaseUrl => $"https://127.0.0.1:{Port}";

    /// <summary>The site's own build output, in the configuration the tests were built in.</summary>
    private static string SiteDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
            return Path.Combine(RepoPaths.WebProject, "bin", configuration, "net10.0", "RemoteGuidanceTraining.Web.dll");
        }
    }

    public async Task StartAsync()
    {
        var arguments = new List<string>
        {
            "900", "dotnet", SiteDll, $"--urls={BaseUrl}", "--environment=Testing", $"--contentRoot={RepoPaths.WebProject}",
            "--Logging:LogLevel:Default=Warning",
        };
        arguments.AddRange(TestCertificate.KestrelArguments());
        // Required outside Development: the site's public address (links in mail) and the host names it answers.
        arguments.AddRange([$"--App:PublicBaseUrl={BaseUrl}", "--AllowedHosts=localhost;127.0.0.1"]);
        arguments.AddRange(_settings.Where(s => s.Key is not ("App:PublicBaseUrl" or "AllowedHosts")).Select(s => $"--{s.Key}={s.Value}"));
        var start = new ProcessStartInfo("/usr/bin/timeout", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var client = new HttpClient(TestCertificate.Handler()) { Timeout = TimeSpan.FromSeconds(5) };
        if (!await Eventually.WithinAsync(() => IsHealthyAsync(client), timeoutMs: 90_000, pollMs: 200))
        {
            throw new TimeoutException($"The site on port {Port} did not answer /health within 90 s:\n{Log()}");
        }
    }

    private async Task<bool> IsHealthyAsync(HttpClient client)
    {
        if (_process!.HasExited)
        {
            throw new InvalidOperationException($"The site on port {Port} exited at start:\n{Log()}");
        }

        try
        {
            return (await client.GetAsync($"{BaseUrl}/health")).IsSuccessStatusCode;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return false; // not listening yet
        }
    }

    /// <summary>SIGKILL: no shutdown, no flushing, open transactions and SMTP sessions simply cut.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    public string Log()
    {
        lock (_log)
        {
            return string.Join('\n', _log.TakeLast(60));
        }
    }

    public void Dispose() => Kill();

    public static Dictionary<string, string?> SmtpSettings(int smtpPort) => new()
    {
        ["Mail:Transport"] = "Smtp",
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
        ["Mail:PollSeconds"] = "0.5",
        ["Mail:RetryBaseSeconds"] = "0.5",
    };

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Add(line);
        }
    }
}
