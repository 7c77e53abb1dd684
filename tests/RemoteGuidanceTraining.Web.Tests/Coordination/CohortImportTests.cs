using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace RemoteGuidanceTraining.Web.Tests.Coordination;

public sealed class CohortImportTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task A_large_roster_creates_enrols_and_invites_everyone_new_and_enrols_existing_accounts()
    {
        var existing = await TestUsers.CreateAsync(_site.Services, "olemassa@example.fi", "Olli Olemassa");
        var rows = Enumerable.Range(0, 2000).Select(i => new RosterRow(i + 2, $"uusi{i}@example.fi", $"Uusi {i} Äijälä", null))
            .Append(new RosterRow(2002, "OLEMASSA@example.fi", null, null))
            .Append(new RosterRow(2003, "uusi5@EXAMPLE.fi", null, null)) // the same new person twice
            .ToList();
        int cohortId;
        CohortImporter.ImportSummary summary;
        var clock = Stopwatch.StartNew();
        using (var scope = _site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var cohort = new Cohort { Name = "Syksy", CourseId = "etaohjauksen-perusteet", CreatedByUserId = existing.Id };
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            cohortId = cohort.Id;
            var everyone = new CoordinatorScope(true, [], [], db.CohortMembers);
            summary = await scope.ServiceProvider.GetRequiredService<CohortImporter>().ImportAsync(cohort, everyone, rows);
        }

        output.WriteLine($"2,002 rows imported in {clock.ElapsedMilliseconds} ms");
        Assert.Equal(2000, summary.Invited);
        Assert.Equal(1, summary.Enrolled); // the existing account; the repeated new address is one new person
        using var check = _site.Services.CreateScope();
        var data = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(2001, await data.CohortMembers.CountAsync(m => m.CohortId == cohortId));
        Assert.Equal(2000, await data.CohortMembers.CountAsync(m => m.CohortId == cohortId && m.Status == CohortMemberStatus.Invited));
        // Invited people are enrolled when they accept (set their password); the existing account at once.
        Assert.Equal(1, await data.Enrollments.CountAsync(e => e.CourseId == "etaohjauksen-perusteet"));
        Assert.Equal(2000, await data.OutboxMessages.CountAsync(m => m.Category == "account"));
        Assert.Equal(2001, await data.UserRoles.CountAsync());

        // An invited person's link works: the token made before the account row existed sets the password.
        var users = check.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var invited = await users.FindByEmailAsync("uusi1999@example.fi");
        Assert.NotNull(invited);
        Assert.Equal("Uusi 1999 Äijälä", invited.FullName);
        Assert.True(await users.IsInRoleAsync(invited, "Participant"));
        var mail = await data.OutboxMessages.SingleAsync(m => m.ToAddress == "uusi1999@example.fi");
        var link = PickupMailbox.LinkIn(MimeKit.MimeMessage.Load(new MemoryStream(mail.Mime)), "/Account/SetPassword");
        var client = _site.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SetPasswordFromLinkAsync(link, "uusi-salasana-123")).StatusCode);
        Assert.Equal(1, await data.Enrollments.CountAsync(e => e.UserId == invited.Id));
    }

    [Fact]
    public async Task A_person_new_to_the_site_invited_to_an_English_course_is_mailed_in_English_and_stays_in_English_while_an_existing_account_keeps_its_language()
    {
        var coordinator = await TestUsers.CreateAsync(_site.Services, "koordinaattori@example.fi", "Koordinaattori", Roles.Coordinator);
        await TestOrganisations.CoordinateAsync(_site.Services, coordinator.Id, "Organisaatio A");
        await TestUsers.CreateAsync(_site.Services, "vanha@example.fi", "Vanha Tili"); // outside the scope: asked to join
        var client = _site.CreateBrowserLikeClient();
        await client.SignInAsync("koordinaattori@example.fi", TestUsers.Password);
        var created = await client.PostFormAsync("/Coordination/Cohorts", new Dictionary<string, string>
        {
            ["Input.Name"] = "Autumn", ["Input.CourseId"] = "remote-guidance-basics-en", ["Input.StartsOn"] = "2026-12-01", ["Input.EndsOn"] = "2027-03-01",
        });
        var cohortPage = created.Headers.Location!.OriginalString;

        await client.PostFormAsync($"{cohortPage}?handler=Typed", new Dictionary<string, string> { ["typed"] = "new@example.com;New Person\nvanha@example.fi" }, formUrl: cohortPage);

        using var check = _site.Services.CreateScope();
        var data = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var invitation = await data.OutboxMessages.SingleAsync(m => m.ToAddress == "new@example.com");
        Assert.StartsWith("Invitation to a training", invitation.Subject);
        Assert.StartsWith("Kutsu", (await data.OutboxMessages.SingleAsync(m => m.ToAddress == "vanha@example.fi")).Subject);
        Assert.Equal("fi", await data.Users.Where(u => u.Email == "vanha@example.fi").Select(u => u.PreferredLanguage).SingleAsync());

        // The first password sets the language the person reads the page in (an English reader's browser says so).
        var invitee = _site.CreateBrowserLikeClient();
        invitee.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        var link = PickupMailbox.LinkIn(MimeKit.MimeMessage.Load(new MemoryStream(invitation.Mime)), "/Account/SetPassword");
        var set = await invitee.SetPasswordFromLinkAsync(link, "uusi-salasana-123");
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Contains("<html lang=\"en\"", await invitee.GetStringAsync(set.Headers.Location));
    }

    [Fact]
    public async Task Twenty_participants_read_and_move_between_lessons_while_2000_people_are_imported_without_errors()
    {
        var course = _site.Services.GetRequiredService<CatalogHolder>().Current.Find("etaohjauksen-perusteet")!;
        var lessons = course.Lessons.Take(2).Select(l => $"/courses/{course.Id}/{l.ModuleId}/{l.Id}").ToArray();
        var readers = new List<HttpClient>();
        for (var i = 0; i < 20; i++)
        {
            var email = $"lukija{i}@example.fi";
            await TestUsers.CreateAsync(_site.Services, email);
            var client = _site.CreateBrowserLikeClient();
            await client.SignInAsync(email, TestUsers.Password);
            await client.PostFormAsync($"/courses/{course.Id}?handler=Enrol", new Dictionary<string, string>(), formUrl: $"/courses/{course.Id}");
            readers.Add(client);
        }

        var rows = Enumerable.Range(0, 2000).Select(i => new RosterRow(i + 2, $"tuotu{i}@example.fi", $"Tuotu {i}", null)).ToList();
        var import = Task.Run(async () =>
        {
            using var scope = _site.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var cohort = new Cohort { Name = "Kevät", CourseId = course.Id, CreatedByUserId = "system" };
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            return await scope.ServiceProvider.GetRequiredService<CohortImporter>().ImportAsync(cohort, new CoordinatorScope(true, [], [], db.CohortMembers), rows);
        });

        // Each reader alternates between two lessons, so every view also writes its "last visited" lesson.
        var statuses = await Task.WhenAll(readers.Select(async (client, i) =>
        {
            var seen = new List<HttpStatusCode>();
            for (var n = 0; !import.IsCompleted || n < 2; n++)
            {
                seen.Add((await client.GetAsync(lessons[(i + n) % 2])).StatusCode);
            }

            return seen;
        }));

        Assert.Equal(2000, (await import).Invited);
        var all = statuses.SelectMany(s => s).ToList();
        output.WriteLine($"{all.Count} lesson views during the import");
        Assert.All(all, status => Assert.Equal(HttpStatusCode.OK, status));
    }
}
