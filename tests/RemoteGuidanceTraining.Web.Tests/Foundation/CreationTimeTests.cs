using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Learning;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Foundation;

/// <summary>New rows take their time from the site's TimeProvider (Data/CreationTimeInterceptor), not from the machine clock.</summary>
public sealed class CreationTimeTests
{
    // In the past, so that mail stamped with it is already due for the dispatcher.
    private static readonly DateTimeOffset _then = new(2026, 3, 2, 7, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_account_and_its_mail_are_stamped_with_the_sites_clock()
    {
        var clock = new FakeTimeProvider(_then);
        using var site = new TestSite();
        using var faked = site.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));

        var user = await TestUsers.CreateAsync(faked.Services, "aika@example.fi", "Aino Aika", Roles.Coordinator);
        clock.Advance(TimeSpan.FromMinutes(5));
        using (var scope = faked.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountSetup>().SendPasswordResetAsync("aika@example.fi", CancellationToken.None);
        }

        using var read = faked.Services.CreateScope();
        var db = read.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(_then.UtcDateTime, (await db.Users.SingleAsync(u => u.Id == user.Id)).CreatedAtUtc);
        var mail = await db.OutboxMessages.AsNoTracking().SingleAsync();
        Assert.Equal(_then.AddMinutes(5).UtcDateTime, mail.CreatedAtUtc);
    }

    [Fact]
    public async Task A_time_the_code_sets_itself_is_kept()
    {
        using var site = new TestSite();
        var user = await TestUsers.CreateAsync(site.Services, "oma@example.fi");
        var own = new DateTime(2025, 12, 24, 12, 0, 0, DateTimeKind.Utc);

        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Enrollments.Add(new Enrollment { UserId = user.Id, CourseId = "kurssi", EnrolledAtUtc = own });
        await db.SaveChangesAsync();

        var saved = await db.Enrollments.AsNoTracking().SingleAsync();
        Assert.Equal(own, saved.EnrolledAtUtc);
        Assert.NotEqual(default, saved.LastActivityAtUtc);
    }
}
