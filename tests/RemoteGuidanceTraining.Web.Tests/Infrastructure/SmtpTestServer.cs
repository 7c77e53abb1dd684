using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace RemoteGuidanceTraining.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server for a test: Debian's aiosmtpd on 127.0.0.1, storing what it receives in a Maildir.
/// It is started under `timeout`, so it stops by itself even if the test process dies.
/// </summary>
public sealed class SmtpTestServer : IDisposable
{
    private readonly TempFolder _folder = new();
    private Process? _process;

    public SmtpTestServer(int? port = null) => Port = port ?? FreePort();

    public int Port { get; }

    private string Maildir => Path.Combine(_folder.Path, "maildir");

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StartAsync()
    {
        _process = Process.Start(new ProcessStartInfo("/usr/bin/timeout",
            ["900", "/usr/bin/python3", "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        await Eventually.TrueAsync(ListensAsync, $"aiosmtpd to listen on 127.0.0.1:{Port}", 15_000);
    }

    /// <summary>
    /// Stops the server and waits until its port refuses connections: killing `timeout` takes the Python child
    /// down a moment later, and a restart probed in that moment would find the dying server still listening.
    /// </summary>
    public async Task StopAsync()
    {
        Stop();
        await Eventually.TrueAsync(async () => !await AcceptsConnectionsAsync(), $"127.0.0.1:{Port} to stop listening", 15_000);
    }

    private void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    public IReadOnlyList<MimeMessage> Messages() =>
        new[] { "new", "cur" }.Select(sub => Path.Combine(Maildir, sub)).Where(Directory.Exists)
            .SelectMany(Directory.GetFiles).Select(path => MimeMessage.Load(path)).ToList();

    /// <summary>How many messages arrived, without parsing them.</summary>
    public int MessageFileCount() =>
        new[] { "new", "cur" }.Select(sub => Path.Combine(Maildir, sub)).Where(Directory.Exists).Sum(dir => Directory.GetFiles(dir).Length);

    public async Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(int count, int timeoutMs = 15_000)
    {
        await Eventually.TrueAsync(() => Messages().Count >= count, $"{count} message(s) at the SMTP server", timeoutMs);
        return Messages();
    }

    private async Task<bool> ListensAsync()
    {
        if (_process!.HasExited)
        {
            throw new InvalidOperationException("aiosmtpd exited: " + await _process.StandardError.ReadToEndAsync());
        }

        return await AcceptsConnectionsAsync();
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static Dictionary<string, string?> SiteSettings(int port) => new()
    {
        ["Mail:Transport"] = "Smtp",
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
        ["Mail:PollSeconds"] = "0.2",
        ["Mail:RetryBaseSeconds"] = "0.2",
    };

    public void Dispose()
    {
        Stop();
        _folder.Dispose();
    }
}
