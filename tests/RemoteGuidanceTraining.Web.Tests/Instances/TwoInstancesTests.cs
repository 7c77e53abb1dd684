using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Instances;

/// <summary>
/// Two sites on one database (two hosts, two connection pools, two outbox dispatchers), as two instances behind
/// a load balancer. tests/run.sh runs this on SQLite and on PostgreSQL.
/// </summary>
public sealed class TwoInstancesTests
{
    [Fact]
    public async Task A_sign_in_and_a_form_from_one_instance_work_on_the_other_and_completing_on_both_at_once_gives_one_certificate_and_one_mail()
    {
        using var courses = new TempFolder();
        ShortCourse.WriteTo(courses.Path);
        using var data = new TempFolder();
        await using var a = await KestrelSite.StartAsync(ShortCourse.Settings(courses.Path), data);
        await using var b = await KestrelSite.StartAsync(ShortCourse.Settings(courses.Path), data);
        var people = new List<AppUser>();

        for (var i = 0; i < 6; i++)
        {
            var user = await TestUsers.CreateAsync(a.Services, $"kaksi-{i}@example.fi");
            people.Add(user);
            var cookies = new CookieContainer();
            using var onA = ShortCourse.Client(a.BaseUrl, cookies);
            using var onB = ShortCourse.Client(b.BaseUrl, cookies);
            await onA.SignInAsync(user.Email!, TestUsers.Password);

            // B reads A's sign-in cookie and accepts A's antiforgery token: the key ring is in the database.
            Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/my-studies")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await ShortCourse.EnrolAsync(onB, formFrom: a.BaseUrl)).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await ShortCourse.PassQuizAsync(onA, formFrom: b.BaseUrl)).StatusCode);

            // The last requirement arrives twice on each instance at the same moment.
            var last = await Task.WhenAll(ShortCourse.DoneAsync(onA), ShortCourse.DoneAsync(onB), ShortCourse.DoneAsync(onA), ShortCourse.DoneAsync(onB));
            Assert.All(last, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        }

        using var scope = a.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var user in people)
        {
            Assert.Equal(1, await db.CourseCompletions.CountAsync(c => c.UserId == user.Id));
            Assert.Equal(1, await db.Certificates.CountAsync(c => c.UserId == user.Id));
            Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.ToAddress == user.Email && m.Category == "certificate"));
        }

        // Both dispatchers write into the same pickup folder: each certificate mail arrives once.
        await Eventually.TrueAsync(async () => !await db.OutboxMessages.AnyAsync(m => m.SentAtUtc == null), "every outbox row to be sent", 30_000);

        var certificateMails = a.Mailbox.All().Where(m => m.Attachments.Any()).ToList();
        Assert.Equal(people.Count, certificateMails.Count);
        Assert.Equal(people.Count, certificateMails.Select(m => m.MessageId).Distinct().Count());
    }
}
