using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Certificates;

/// <summary>The revocation mail dates the revocation by the site's clock, as the record does, on Finnish time.</summary>
public sealed class RevocationMailDateTests
{
    // 23.30 UTC is already the next day in Helsinki: the mail must say 2.3.2026, and neither the machine's day nor UTC's.
    private static readonly DateTimeOffset _revokedAt = new(2026, 3, 1, 23, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_revocation_mail_gives_the_day_the_site_recorded_in_Finnish_time()
    {
        var clock = new FakeTimeProvider(_revokedAt.AddDays(-10));
        using var site = new TestSite();
        using var faked = site.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var holder = await TestUsers.CreateAsync(faked.Services, "peruttu@example.fi", "Paavo Peruttu");
        var coordinator = await TestUsers.CreateAsync(faked.Services, "koordinaattori@example.fi", "Kirsi Koordinaattori");
        using (var issue = faked.Services.CreateScope())
        {
            await issue.ServiceProvider.GetRequiredService<CertificateIssuer>().IssueAsync(holder, VerifyPageTests.Course, clock.GetUtcNow().UtcDateTime, null, "Issued");
        }

        clock.SetUtcNow(_revokedAt);
        using (var revoke = faked.Services.CreateScope())
        {
            var certificate = await revoke.ServiceProvider.GetRequiredService<AppDbContext>().Certificates.SingleAsync(c => c.UserId == holder.Id);
            await revoke.ServiceProvider.GetRequiredService<CertificateActions>().RevokeAsync(certificate, coordinator.Id, "Väärä henkilö");
        }

        using var read = faked.Services.CreateScope();
        var db = read.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(_revokedAt.UtcDateTime, (await db.Certificates.SingleAsync(c => c.UserId == holder.Id)).RevokedAtUtc);
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.Category == CertificateMails.Category).ToListAsync();
        var mail = Assert.Single(rows.Select(r => MimeMessage.Load(new MemoryStream(r.Mime))), m => m.Subject?.StartsWith("Todistus peruttu", StringComparison.Ordinal) == true);
        Assert.Contains("on peruttu 2.3.2026.", mail.TextBody);
    }
}
