using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Email;

/// <summary>
/// The outbox's retry times on a fake clock: a failed mail waits exactly its back-off and not a moment less. "Nothing
/// else happened" is a fact here (the clock has not moved, so nothing is due), not a sleep that hopes so.
/// </summary>
public sealed class OutboxRetryClockTests
{
    private static readonly DateTimeOffset _start = new(2026, 4, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_failed_mail_is_tried_again_only_when_its_backoff_has_passed_on_the_sites_clock()
    {
        var clock = new FakeTimeProvider(_start);
        var settings = SmtpTestServer.SiteSettings(SmtpTestServer.FreePort()); // nobody listens: every try fails
        settings["Mail:MaxAttempts"] = "3";
        settings["Mail:RetryBaseSeconds"] = "60";
        using var site = TestSite.With(settings);
        using var faked = site.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        await TestUsers.CreateAsync(faked.Services, "odottaa@example.fi", "Olli Odottaja");
        using (var scope = faked.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountSetup>().SendPasswordResetAsync("odottaa@example.fi", CancellationToken.None);
        }

        var first = await RowWhenAsync(faked.Services, m => m.Attempts == 1, "the first try");
        Assert.Equal(_start.UtcDateTime.AddSeconds(60), first.NextAttemptAtUtc);

        // The clock has not moved: a dispatcher pass finds nothing due and the row is as it was.
        var dispatcher = faked.Services.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single();
        Assert.Equal(0, await dispatcher.SendDueAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await dispatcher.SendDueAsync(CancellationToken.None));
        Assert.Equal(1, (await RowAsync(faked.Services)).Attempts);

        clock.Advance(TimeSpan.FromSeconds(1));
        faked.Services.GetRequiredService<OutboxSignal>().Notify();
        var second = await RowWhenAsync(faked.Services, m => m.Attempts == 2, "the second try at 60 s");
        Assert.Equal(_start.UtcDateTime.AddSeconds(60 + 120), second.NextAttemptAtUtc); // the wait doubles

        clock.Advance(TimeSpan.FromSeconds(120));
        faked.Services.GetRequiredService<OutboxSignal>().Notify();
        var failed = await RowWhenAsync(faked.Services, m => m.FailedAtUtc is not null, "the last try");
        Assert.Equal(3, failed.Attempts);
        Assert.Equal(_start.UtcDateTime.AddSeconds(180), failed.FailedAtUtc);
    }

    [Fact]
    public async Task A_site_stopping_in_the_middle_of_a_send_hands_the_message_back_at_once()
    {
        var transport = new TransportThatWaitsForStop();
        using var site = TestSite.With(SmtpTestServer.SiteSettings(SmtpTestServer.FreePort()));
        // Only the dispatcher is stopped, not the host; the host would take the dispatcher's end for a fault and stop itself.
        using var blocked = site.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IMailTransport>(transport)
            .Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore)));
        await TestUsers.CreateAsync(blocked.Services, "kesken@example.fi", "Kaisa Kesken");
        using (var scope = blocked.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountSetup>().SendPasswordResetAsync("kesken@example.fi", CancellationToken.None);
        }

        await transport.Sending.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.NotNull((await RowAsync(blocked.Services)).LeaseUntilUtc); // claimed while it is being sent
        await blocked.Services.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single().StopAsync(CancellationToken.None);

        // Before, the claim stayed for its whole lease (5 minutes), and a restarted site sent nothing until then.
        var row = await RowAsync(blocked.Services);
        Assert.Null(row.LeaseUntilUtc);
        Assert.Null(row.SentAtUtc);
    }

    [Fact]
    public async Task A_mail_whose_row_is_deleted_while_it_is_being_written_leaves_no_file_in_the_pickup_folder()
    {
        using var site = new TestSite();
        var folder = Path.Combine(site.DataFolder, "race-mail");
        TransportThatDeletesItsRow? transport = null;
        using var racing = site.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IMailTransport>(p =>
            transport = new TransportThatDeletesItsRow(p, new PickupFolderTransport(folder)))));
        await TestUsers.CreateAsync(racing.Services, "poistuva@example.fi", "Paula Poistuva");
        using (var scope = racing.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountSetup>().SendPasswordResetAsync("poistuva@example.fi", CancellationToken.None);
        }

        // Account deletion ran between the claim and the file: it removed the row and found no file to forget.
        await Eventually.ValueAsync(() => Task.FromResult(transport?.Wrote == true ? "" : null), "the mail being written");
        await Eventually.ValueAsync(() => Task.FromResult(Directory.GetFiles(folder).Length == 0 ? "" : null), "the written file gone");
        using var check = racing.Services.CreateScope();
        Assert.Empty(await check.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.ToListAsync());
    }

    /// <summary>Deletes the message's outbox row as account deletion would, then writes the message as the pickup folder does.</summary>
    private sealed class TransportThatDeletesItsRow(IServiceProvider services, PickupFolderTransport inner) : IMailTransport
    {
        public volatile bool Wrote;

        public async Task SendAsync(MimeKit.MimeMessage message, CancellationToken cancellationToken)
        {
            using (var scope = services.CreateScope())
            {
                var id = message.MessageId;
                await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.Where(m => m.MessageId == id).ExecuteDeleteAsync(cancellationToken);
            }

            await inner.SendAsync(message, cancellationToken);
            Wrote = true;
        }

        public Task ForgetAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken) => inner.ForgetAsync(messageIds, cancellationToken);
    }

    /// <summary>A transport whose send lasts until the dispatcher is stopped.</summary>
    private sealed class TransportThatWaitsForStop : IMailTransport
    {
        public TaskCompletionSource Sending { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task SendAsync(MimeKit.MimeMessage message, CancellationToken cancellationToken)
        {
            Sending.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        public Task ForgetAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static async Task<OutboxMessage> RowAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking().SingleAsync();
    }

    private static Task<OutboxMessage> RowWhenAsync(IServiceProvider services, Func<OutboxMessage, bool> condition, string what) =>
        Eventually.ValueAsync(async () => await RowAsync(services) is { } row && condition(row) && row.LeaseUntilUtc is null ? row : null, what);
}
