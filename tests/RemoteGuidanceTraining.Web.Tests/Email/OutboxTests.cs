using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Email;

public sealed class OutboxTests
{
    private static readonly Dictionary<string, string> _registration = new()
    {
        ["Input.FullName"] = "Äijälä Öystilä-Åkerblom",
    };

    [Fact]
    public async Task Account_mail_reaches_a_real_SMTP_server_exactly_once()
    {
        using var smtp = new SmtpTestServer();
        await smtp.StartAsync();
        using var site = TestSite.With(SmtpTestServer.SiteSettings(smtp.Port));

        await RegisterAsync(site, "smtp@example.fi");

        var messages = await smtp.WaitForMessagesAsync(1);
        var mail = Assert.Single(messages);
        Assert.Equal("smtp@example.fi", mail.To.Mailboxes.Single().Address);
        Assert.Contains("vahvista sähköpostiosoitteesi", mail.TextBody); // UTF-8 through SMTP as written
        // The row is marked sent only after the server accepted the message, and every try is counted: one sent row
        // tried once is one delivery, with no need to sleep and see whether a second one turns up.
        await WaitUntilAsync(async () => (await SingleOutboxRowAsync(site)).Status == OutboxStatus.Sent);
        var row = await SingleOutboxRowAsync(site);
        Assert.Equal(1, row.Attempts);
        Assert.Single(smtp.Messages());
        Assert.Equal(mail.MessageId, row.MessageId);
    }

    [Fact]
    public async Task With_the_server_down_the_mail_waits_and_goes_out_once_when_it_comes_up()
    {
        using var smtp = new SmtpTestServer();
        using var site = TestSite.With(SmtpTestServer.SiteSettings(smtp.Port));

        var response = await RegisterAsync(site, "down@example.fi");
        Assert.Equal("/Account/RegisterConfirmation", response.Headers.Location?.OriginalString);
        await WaitUntilAsync(async () => (await SingleOutboxRowAsync(site)).Attempts >= 1);
        var waiting = await SingleOutboxRowAsync(site);
        Assert.Equal(OutboxStatus.Waiting, waiting.Status);
        Assert.NotNull(waiting.LastError);

        await smtp.StartAsync();

        var messages = await smtp.WaitForMessagesAsync(1);
        Assert.Single(messages);
        await WaitUntilAsync(async () => (await SingleOutboxRowAsync(site)).Status == OutboxStatus.Sent);
        // Sent is recorded after the server accepted the message; the failed tries before it delivered nothing.
        Assert.Single(smtp.Messages());
    }

    [Fact]
    public async Task Unsent_mail_is_sent_after_the_site_restarts()
    {
        using var smtp = new SmtpTestServer();
        using var data = new TempFolder();
        var settings = SmtpTestServer.SiteSettings(smtp.Port);
        await using (var first = await KestrelSite.StartAsync(settings, data))
        {
            await RegisterAsync(first.BaseUrl, "restart@example.fi");
            await WaitUntilAsync(() => Task.FromResult(OutboxAttempts(first.Services) >= 1));
        }

        await smtp.StartAsync();
        await using var second = await KestrelSite.StartAsync(settings, data);

        var messages = await smtp.WaitForMessagesAsync(1);
        Assert.Equal("restart@example.fi", Assert.Single(messages).To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task After_the_last_attempt_the_message_is_marked_failed_with_the_reason()
    {
        var settings = SmtpTestServer.SiteSettings(SmtpTestServer.FreePort());
        settings["Mail:MaxAttempts"] = "2";
        settings["Mail:RetryBaseSeconds"] = "0.1";
        using var site = TestSite.With(settings);

        await RegisterAsync(site, "never@example.fi");

        await WaitUntilAsync(async () => (await SingleOutboxRowAsync(site)).Status == OutboxStatus.Failed);
        var row = await SingleOutboxRowAsync(site);
        Assert.Equal(2, row.Attempts);
        Assert.False(string.IsNullOrEmpty(row.LastError));
    }

    private static Task<HttpResponseMessage> RegisterAsync(TestSite site, string email) =>
        site.CreateBrowserLikeClient().PostFormAsync("/Account/Register", new Dictionary<string, string>(_registration) { ["Input.Email"] = email });

    private static async Task RegisterAsync(string baseUrl, string email)
    {
        using var client = TestCertificate.ClientFor(baseUrl);
        var response = await client.PostFormAsync("/Account/Register", new Dictionary<string, string>(_registration) { ["Input.Email"] = email });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<OutboxMessage> SingleOutboxRowAsync(TestSite site)
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking().SingleAsync();
    }

    private static int OutboxAttempts(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking().Single().Attempts;
    }

    private static Task WaitUntilAsync(Func<Task<bool>> condition) => Eventually.TrueAsync(condition, "the outbox row to change", 15_000);
}
