using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RemoteGuidanceTraining.Web.Audit;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Learning;
using RemoteGuidanceTraining.Web.Localization;
using RemoteGuidanceTraining.Web.Tests.Certificates;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Foundation;

/// <summary>
/// The edges of the Finnish day on a fake clock: 23.30 and 00.10 in Helsinki, in winter (UTC+2) and summer (UTC+3),
/// and the days clocks change in 2026 (29 March has 23 hours, 25 October 25).
/// </summary>
public sealed class HelsinkiDayEdgeTests
{
    [Theory]
    [InlineData("2026-01-15T21:30:00Z", "2026-01-15")] // 23.30 in winter
    [InlineData("2026-01-15T22:10:00Z", "2026-01-16")] // 00.10 in winter
    [InlineData("2026-03-31T20:30:00Z", "2026-03-31")] // 23.30 in summer
    [InlineData("2026-03-31T21:10:00Z", "2026-04-01")] // 00.10 in summer
    [InlineData("2026-03-29T00:59:59Z", "2026-03-29")] // 02.59.59, just before the clocks go forward
    [InlineData("2026-03-29T01:00:00Z", "2026-03-29")] // 04.00, the hour after 03.00 never happened
    [InlineData("2026-10-25T00:30:00Z", "2026-10-25")] // 03.30 the first time
    [InlineData("2026-10-25T01:30:00Z", "2026-10-25")] // 03.30 the second time
    [InlineData("2026-10-25T21:59:59Z", "2026-10-25")] // 23.59.59 at the end of the 25-hour day
    public void A_moment_falls_on_its_Helsinki_day(string utc, string day) =>
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), HelsinkiTime.DayOf(Utc(utc)));

    [Theory]
    [InlineData("2026-03-29", "2026-03-28T22:00:00Z", 23)]
    [InlineData("2026-03-31", "2026-03-30T21:00:00Z", 24)]
    [InlineData("2026-10-25", "2026-10-24T21:00:00Z", 25)]
    [InlineData("2026-12-31", "2026-12-30T22:00:00Z", 24)]
    public void A_Helsinki_day_starts_at_its_midnight_and_lasts_as_long_as_it_does(string day, string startUtc, int hours)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Utc(startUtc), HelsinkiTime.StartOfDayUtc(date));
        Assert.Equal(hours, (HelsinkiTime.StartOfDayUtc(date.AddDays(1)) - HelsinkiTime.StartOfDayUtc(date)).TotalHours);
    }

    [Fact]
    public void A_certificate_is_dated_by_the_Helsinki_day_of_the_completion()
    {
        var holder = new AppUser { FullName = "Kaisa Myöhäinen" };
        Assert.Equal(new DateOnly(2026, 3, 31), CertificateIssuer.New(holder, VerifyPageTests.Course, Utc("2026-03-31T20:30:00Z")).CompletedOn);
        Assert.Equal(new DateOnly(2026, 4, 1), CertificateIssuer.New(holder, VerifyPageTests.Course, Utc("2026-03-31T21:10:00Z")).CompletedOn);
        Assert.Equal(new DateOnly(2026, 12, 31), CertificateIssuer.New(holder, VerifyPageTests.Course, Utc("2026-12-31T21:30:00Z")).CompletedOn);
    }

    [Fact]
    public void The_months_chart_counts_a_completion_in_the_month_of_its_Helsinki_day()
    {
        DateTime[] completions =
        [
            Utc("2025-11-30T21:30:00Z"), // 30.11.2025 23.30: before the twelve months
            Utc("2025-11-30T22:30:00Z"), // 1.12.2025 00.30: the first month
            Utc("2026-03-31T20:30:00Z"), // 31.3. 23.30, summer time: March
            Utc("2026-03-31T21:10:00Z"), // 1.4. 00.10: April
            Utc("2026-10-31T21:30:00Z"), // 31.10. 23.30, winter time again: October
            Utc("2026-10-31T22:10:00Z"), // 1.11. 00.10: November
        ];

        var months = Reports.ReportChartsService.CompletionsByMonth(completions, new DateOnly(2026, 11, 15)).Select(m => m.Count).ToArray();

        Assert.Equal([1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 1], months);
    }

    [Fact]
    public async Task A_day_filter_takes_the_whole_Helsinki_day_at_both_ends_and_on_the_days_clocks_change()
    {
        using var site = new TestSite();
        string[] moments =
        [
            "2026-03-28T21:59:59Z", "2026-03-28T22:00:00Z", // 28.3. 23.59.59 / 29.3. 00.00 (still winter time)
            "2026-03-31T20:59:59Z", "2026-03-31T21:00:00Z", // 31.3. 23.59.59 / 1.4. 00.00 (summer time)
            "2026-10-24T20:59:59Z", "2026-10-24T21:00:00Z", // 24.10. 23.59.59 / 25.10. 00.00
            "2026-10-25T21:59:59Z", "2026-10-25T22:00:00Z", // 25.10. 23.59.59 / 26.10. 00.00 (winter time again)
        ];
        await site.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            db.AddRange(moments.Select(m => new AuditEntry { AtUtc = Utc(m), Action = AuditActions.DataExported, Details = "edge " + m }));
            await db.SaveChangesAsync();
        });

        Assert.Equal(["2026-03-28T22:00:00Z", "2026-03-31T20:59:59Z"], await OnDaysAsync(site, new(2026, 3, 29), new(2026, 3, 31)));
        Assert.Equal(["2026-10-24T21:00:00Z", "2026-10-25T21:59:59Z"], await OnDaysAsync(site, new(2026, 10, 25), new(2026, 10, 25)));
        Assert.Equal(["2026-03-31T21:00:00Z", "2026-10-24T20:59:59Z"], await OnDaysAsync(site, new(2026, 4, 1), new(2026, 10, 24)));
    }

    [Theory]
    [InlineData("2026-03-01", "2026-03-31", "2026-03-31T20:30:00Z", 1)] // 23.30 on the last day
    [InlineData("2026-03-01", "2026-03-31", "2026-03-31T21:10:00Z", 0)] // 00.10 the day after (still 31.3. in UTC)
    [InlineData("2026-04-01", "2026-04-30", "2026-03-31T20:30:00Z", 0)] // 23.30 the day before the start
    [InlineData("2026-04-01", "2026-04-30", "2026-03-31T21:10:00Z", 1)] // 00.10 on the first day (still 31.3. in UTC)
    [InlineData("2026-01-01", "2026-01-15", "2026-01-15T21:30:00Z", 1)] // 23.30 on the last day, winter
    [InlineData("2026-01-01", "2026-01-15", "2026-01-15T22:10:00Z", 0)] // 00.10 the day after, winter
    public async Task Automatic_reminders_follow_the_cohorts_Helsinki_days(string startsOn, string endsOn, string now, int expected)
    {
        var clock = new FakeTimeProvider(Utc(now).AddDays(-40));
        using var learning = new LearningSite();
        using var site = learning.Site.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var memberId = await QuietMemberAsync(site, DateOnly.Parse(startsOn, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(endsOn, System.Globalization.CultureInfo.InvariantCulture), lastRemindedAtUtc: null);

        clock.SetUtcNow(Utc(now));
        await RunAsync(site);

        Assert.Equal(expected, await RemindersAsync(site));
        Assert.Equal(expected == 1 ? Utc(now) : null, await LastRemindedAsync(site, memberId));
    }

    [Fact]
    public async Task An_hourly_run_across_the_clocks_going_forward_reminds_once_fourteen_days_on_neither_early_nor_twice()
    {
        // Reminded at 12.00 Helsinki winter time on 20.3.; the clocks go forward on 29.3. The next reminder is due
        // 14 × 24 hours later, at 13.00 summer time on 3.4., and the hourly job sends it once.
        var remindedAt = Utc("2026-03-20T10:00:00Z");
        var clock = new FakeTimeProvider(Utc("2026-04-03T07:00:00Z"));
        using var learning = new LearningSite();
        using var site = learning.Site.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var memberId = await QuietMemberAsync(site, new(2026, 3, 1), new(2026, 4, 30), remindedAt);

        for (var hour = 0; hour < 24; hour++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            await RunAsync(site);
            var expected = clock.GetUtcNow().UtcDateTime > remindedAt + AutoReminders.Quiet ? 1 : 0;
            Assert.Equal(expected, await RemindersAsync(site));
        }

        Assert.Equal(Utc("2026-04-03T11:00:00Z"), await LastRemindedAsync(site, memberId));
    }

    private static DateTime Utc(string iso) =>
        DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);

    private static async Task<string[]> OnDaysAsync(TestSite site, DateOnly from, DateOnly to)
    {
        using var scope = site.Services.CreateScope();
        var page = await scope.ServiceProvider.GetRequiredService<AuditQuery>().PageAsync(new AuditFilter(null, null, from, to), 1);
        return [.. page.Rows.Where(r => r.Details?.StartsWith("edge ", StringComparison.Ordinal) == true).Select(r => r.Details!["edge ".Length..]).Order(StringComparer.Ordinal)];
    }

    /// <summary>A member of a cohort with automatic reminders on, enrolled in its course and quiet since long before.</summary>
    private static async Task<int> QuietMemberAsync(WebApplicationFactory<Program> site, DateOnly startsOn, DateOnly endsOn, DateTime? lastRemindedAtUtc)
    {
        var user = await TestUsers.CreateAsync(site.Services, "hiljainen@example.fi", "Heikki Hiljainen");
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var quietSince = Utc("2025-12-01T10:00:00Z");
        db.Add(new Enrollment { UserId = user.Id, CourseId = "kurssi", EnrolledAtUtc = quietSince, LastActivityAtUtc = quietSince });
        var cohort = new Cohort
        {
            Name = "Reunaryhmä", CourseId = "kurssi", StartsOn = startsOn, EndsOn = endsOn, CreatedByUserId = user.Id,
            CreatedAtUtc = quietSince, AutoReminders = true,
        };
        var member = new CohortMember { Cohort = cohort, UserId = user.Id, AddedAtUtc = quietSince, LastRemindedAtUtc = lastRemindedAtUtc };
        db.Add(member);
        await db.SaveChangesAsync();
        return member.Id;
    }

    private static async Task RunAsync(WebApplicationFactory<Program> site)
    {
        using var scope = site.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AutoReminders>().RunOnceAsync(CancellationToken.None);
    }

    private static async Task<int> RemindersAsync(WebApplicationFactory<Program> site)
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.CountAsync(m => m.SubjectType == "cohort-reminder-auto");
    }

    private static async Task<DateTime?> LastRemindedAsync(WebApplicationFactory<Program> site, int memberId)
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().CohortMembers.Where(m => m.Id == memberId).Select(m => m.LastRemindedAtUtc).SingleAsync();
    }
}
