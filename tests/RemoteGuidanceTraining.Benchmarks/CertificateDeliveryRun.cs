using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;

namespace RemoteGuidanceTraining.Benchmarks;

/// <summary>
/// Issues N certificates as completions do (one transaction each: certificate, PDF, outbox row) and lets the
/// site's dispatcher deliver them to a local aiosmtpd. The baseline in the same run sends N plain text mails
/// through the same outbox and SMTP path, so the ratio shows what certificates add.
/// </summary>
internal static class CertificateDeliveryRun
{
    public static async Task<int> RunAsync(int count)
    {
        var work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "rgt-delivery", Guid.NewGuid().ToString("N"))).FullName;
        var port = FreePort();
        using var smtp = Process.Start(new ProcessStartInfo("/usr/bin/timeout",
            ["1800", "/usr/bin/python3", "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(work, "maildir")]))!;
        await WaitForPortAsync(port);
        var app = SiteBuilder.Build([
            // Production needs a public address for links in mail and real host names; no request comes in here.
            "--urls=http://127.0.0.1:0", "--environment=Production", "--App:PublicBaseUrl=https://koulutus.example.fi", "--AllowedHosts=koulutus.example.fi",
            $"--contentRoot={WebProject()}",
            $"--App:DataFolder={work}", "--Mail:Transport=Smtp", "--Mail:Smtp:Host=127.0.0.1", $"--Mail:Smtp:Port={port}",
            "--Mail:Smtp:Security=None", "--Mail:PollSeconds=0.2", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        try
        {
            var users = await CreateUsersAsync(app.Services, count);
            var baseline = await TimeAsync(() => EnqueuePlainMailsAsync(app.Services, users));
            var baselineDelivered = await TimeAsync(() => WaitUntilSentAsync(app.Services, count));
            var issue = await TimeAsync(() => IssueCertificatesAsync(app.Services, users));
            var delivered = await TimeAsync(() => WaitUntilSentAsync(app.Services, 2 * count));
            var received = Directory.GetFiles(Path.Combine(work, "maildir", "new")).Length;
            Console.WriteLine($"certificates: {count}, messages received by SMTP: {received} (expected {2 * count})");
            Console.WriteLine($"baseline  plain mail: enqueue {baseline.TotalSeconds:F1} s, deliver {baselineDelivered.TotalSeconds:F1} s");
            Console.WriteLine($"certificates        : issue {issue.TotalSeconds:F1} s ({issue.TotalMilliseconds / count:F1} ms each), deliver {delivered.TotalSeconds:F1} s");
            Console.WriteLine($"ratio to baseline   : issue x{issue / baseline:F1}, deliver x{delivered / baselineDelivered:F1}");
            return received == 2 * count ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
            smtp.Kill(entireProcessTree: true);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<List<AppUser>> CreateUsersAsync(IServiceProvider services, int count)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = Enumerable.Range(0, count).Select(i => new AppUser
        {
            UserName = $"osallistuja{i}@example.fi", NormalizedUserName = $"OSALLISTUJA{i}@EXAMPLE.FI",
            Email = $"osallistuja{i}@example.fi", NormalizedEmail = $"OSALLISTUJA{i}@EXAMPLE.FI",
            EmailConfirmed = true, FullName = $"Äijälä Öystilä {i}", SecurityStamp = Guid.NewGuid().ToString(),
        }).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        return users;
    }

    private static async Task EnqueuePlainMailsAsync(IServiceProvider services, List<AppUser> users)
    {
        foreach (var user in users)
        {
            using var scope = services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<AppMailer>().SendAsync(
                new OutgoingMail(user.Email!, user.FullName, "Tervetuloa", "Tervetuloa koulutukseen.", "<p>Tervetuloa koulutukseen.</p>"), "baseline");
        }
    }

    private static async Task IssueCertificatesAsync(IServiceProvider services, List<AppUser> users)
    {
        var course = new CourseFacts("etaohjauksen-perusteet", "Etäohjauksen perusteet", "fi", 5m, 135,
            ["Osaat valita ohjauskanavan.", "Tunnistat saavutettavuuden edellytykset."], "Etäohjauksen koulutusverkosto", "Maija Esimerkki", "koulutuspäällikkö", "2026.1");
        foreach (var user in users)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<CertificateIssuer>().IssueAsync(user, course, DateTime.UtcNow, null, "Issued");
            await transaction.CommitAsync();
            scope.ServiceProvider.GetRequiredService<OutboxSignal>().Notify();
        }
    }

    private static async Task WaitUntilSentAsync(IServiceProvider services, int sent)
    {
        while (true)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (await db.OutboxMessages.CountAsync(m => m.SentAtUtc != null) >= sent)
            {
                return;
            }

            if (await db.OutboxMessages.AnyAsync(m => m.FailedAtUtc != null))
            {
                throw new InvalidOperationException("A message failed; see the outbox.");
            }

            await Task.Delay(100);
        }
    }

    internal static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port)
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("aiosmtpd did not start.");
    }

    internal static string WebProject() =>
        Path.Combine(Path.GetDirectoryName(BenchmarkFolders.ShippedCourses())!, "src", "RemoteGuidanceTraining.Web");
}
