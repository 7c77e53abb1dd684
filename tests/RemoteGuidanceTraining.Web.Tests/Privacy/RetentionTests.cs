using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RemoteGuidanceTraining.Web.Audit;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;
using RemoteGuidanceTraining.Web.Privacy;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Privacy;

/// <summary>The retention rules on a fake clock: what is due goes, everything else stays, and two runs at once do it once.</summary>
public sealed class RetentionTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly TestSite _site = new();
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _app;

    public RetentionTests() =>
        _app = _site.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock)));

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    public void Dispose()
    {
        _app.Dispose();
        _site.Dispose();
    }

    [Fact]
    public async Task Retention_deletes_what_is_due_and_nothing_else_and_concurrent_runs_do_it_once()
    {
        await SeedAsync();

        var results = await Task.WhenAll(RunAsync(), RunAsync());

        Assert.Equal(1, results.Sum(r => r.UnconfirmedAccounts));
        Assert.Equal(1, results.Sum(r => r.MailBodies));
        Assert.Equal(1, results.Sum(r => r.AuditEntries));
        await AssertOnlyTheDueRowsWentAsync();
        Assert.Equal(new RetentionResult(0, 0, 0), await RunAsync());
    }

    [Fact]
    public async Task The_background_job_applies_the_rules_when_its_interval_has_passed()
    {
        await SeedAsync();

        _clock.Advance(TimeSpan.FromMinutes(new RetentionOptions().RunEveryMinutes));

        // The run's audit entry is its last write.
        await Eventually.TrueAsync(() => DbAsync(db => db.AuditEntries.AnyAsync(e => e.Details == "retention: 1 unconfirmed accounts")),
            "the retention job to run after its interval passed");

        await AssertOnlyTheDueRowsWentAsync();
    }

    [Fact]
    public async Task Retention_removes_the_pickup_folder_files_of_the_mail_it_erases_or_deletes_and_keeps_recent_ones()
    {
        await SeedAsync();
        await WritePickupCopiesAsync();
        var mailbox = _site.Mailbox;
        Assert.Single(mailbox.To("old-sent@example.fi"));

        await RunAsync();

        Assert.Empty(mailbox.To("old-sent@example.fi"));
        Assert.Empty(mailbox.To("old-unconfirmed@example.fi"));
        Assert.Single(mailbox.To("recent-sent@example.fi"));
    }

    [Fact]
    public async Task A_body_another_run_erased_while_this_run_forgot_its_files_is_counted_by_that_run_only()
    {
        await SeedAsync();
        using var scope = _app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var retention = new Retention(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<IOptions<PrivacyOptions>>(),
            _clock, services.GetRequiredService<AuditLog>(), new TransportBesideAnotherRun(_app.Services));

        var result = await retention.RunOnceAsync();

        Assert.Equal(0, result.MailBodies); // the other run erased it and counts it: one erased body, counted once
        await AssertOnlyTheDueRowsWentAsync();
    }

    /// <summary>
    /// Another instance's retention run erases the due bodies while this one removes their files: between this run's
    /// listing of the due mail and its erase.
    /// </summary>
    private sealed class TransportBesideAnotherRun(IServiceProvider services) : IMailTransport
    {
        public Task SendAsync(MimeKit.MimeMessage message, CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task ForgetAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken)
        {
            using var scope = services.CreateScope();
            var erased = Array.Empty<byte>();
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages
                .Where(m => messageIds.Contains(m.MessageId) && m.SentAtUtc != null && m.Mime != erased)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.Mime, erased), cancellationToken);
        }
    }

    /// <summary>Each seeded sent message as the default transport wrote it when it went out.</summary>
    private async Task WritePickupCopiesAsync()
    {
        var transport = _app.Services.GetRequiredService<IMailTransport>();
        var sent = await DbAsync(db => db.OutboxMessages.Where(m => m.SentAtUtc != null).ToListAsync());
        foreach (var row in sent)
        {
            using var message = new MimeKit.MimeMessage { MessageId = row.MessageId, Subject = row.Subject };
            message.From.Add(new MimeKit.MailboxAddress("Koulutus", "koulutus@example.fi"));
            message.To.Add(new MimeKit.MailboxAddress(row.ToAddress, row.ToAddress));
            message.Body = new MimeKit.TextPart("plain") { Text = $"Hei {row.ToAddress}" };
            await transport.SendAsync(message, CancellationToken.None);
        }
    }

    private async Task SeedAsync() => await DbAsync(async db =>
    {
        var days = TimeSpan.FromDays(1);
        db.Users.AddRange(
            User("old-unconfirmed@example.fi", confirmed: false, Now - 31 * days),
            User("new-unconfirmed@example.fi", confirmed: false, Now - 29 * days),
            User("old-confirmed@example.fi", confirmed: true, Now - 400 * days),
            User("invited@example.fi", confirmed: false, Now - 60 * days));
        db.OutboxMessages.AddRange(
            Mail("old-unconfirmed@example.fi", sent: Now - 10 * days),
            Mail("old-sent@example.fi", sent: Now - 91 * days),
            Mail("recent-sent@example.fi", sent: Now - 89 * days),
            Mail("old-unsent@example.fi", sent: null, created: Now - 200 * days));
        db.AuditEntries.AddRange(
            new AuditEntry { Action = AuditActions.RolesChanged, AtUtc = Now.AddMonths(-25), Details = "old" },
            new AuditEntry { Action = AuditActions.RolesChanged, AtUtc = Now.AddMonths(-23), Details = "kept" });
        await db.SaveChangesAsync();
        // An unconfirmed account invited to a cohort 5 days ago waits for its invitation to be answered.
        var cohort = new Cohort { Name = "Ryhmä", CourseId = "kurssi", CreatedByUserId = "x" };
        db.Cohorts.Add(cohort);
        await db.SaveChangesAsync();
        var invited = await db.Users.SingleAsync(u => u.Email == "invited@example.fi");
        db.CohortMembers.Add(new CohortMember { CohortId = cohort.Id, UserId = invited.Id, Status = CohortMemberStatus.Invited, InvitedAtUtc = Now - 5 * days });
        return await db.SaveChangesAsync();
    });

    private async Task AssertOnlyTheDueRowsWentAsync()
    {
        var emails = await DbAsync(db => db.Users.Select(u => u.Email!).OrderBy(e => e).ToListAsync());
        Assert.Equal(["invited@example.fi", "new-unconfirmed@example.fi", "old-confirmed@example.fi"], emails);
        var mail = await DbAsync(db => db.OutboxMessages.ToDictionaryAsync(m => m.ToAddress, m => m.Mime.Length));
        Assert.False(mail.ContainsKey("old-unconfirmed@example.fi"));
        Assert.Equal(0, mail["old-sent@example.fi"]);
        Assert.True(mail["recent-sent@example.fi"] > 0);
        Assert.True(mail["old-unsent@example.fi"] > 0);
        var audit = await DbAsync(db => db.AuditEntries.Select(e => e.Details).ToListAsync());
        Assert.DoesNotContain("old", audit);
        Assert.Contains("kept", audit);
        Assert.Contains(audit, d => d == "retention: 1 unconfirmed accounts");
    }

    private async Task<RetentionResult> RunAsync()
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Retention>().RunOnceAsync();
    }

    private async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        using var scope = _app.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static AppUser User(string email, bool confirmed, DateTime created) => new()
    {
        UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = confirmed, FullName = email, CreatedAtUtc = created, SecurityStamp = Guid.NewGuid().ToString(),
    };

    private static OutboxMessage Mail(string to, DateTime? sent, DateTime? created = null) => new()
    {
        MessageId = Guid.NewGuid().ToString(), ToAddress = to, Subject = "Viesti", Category = "account", Mime = [1, 2, 3],
        CreatedAtUtc = created ?? sent!.Value, NextAttemptAtUtc = DateTime.UtcNow.AddYears(1), // the dispatcher leaves them alone
 SentAtUtc = sent, Attempts = sent is null ? 0 : 1,
    };
}
