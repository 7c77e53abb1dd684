using System.Net;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Coordination;

/// <summary>
/// Reports and cohort pages of a course whose files broke or whose folder was removed: no 500, no other course's
/// figures in its place, and a notice saying why, beside what the database still knows.
/// </summary>
public sealed class UnavailableCourseReportTests : IDisposable
{
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task A_broken_courses_report_says_its_files_are_unavailable_instead_of_showing_another_course()
    {
        var (admin, pia, cohortId) = await ArrangeAsync();
        _learning.Write("kurssi/course.yml", "title: \"Pieni kurssi\nsummary: Kuvaus.\n");
        _learning.Reload();
        const string notice = "<span lang=\"fi\">Pieni kurssi</span> (<code>kurssi</code>):\n    koulutuksen tiedostoissa on virhe";

        var report = await admin.GetStringAsync($"/Coordination/Reports?course=kurssi&cohort={cohortId}");
        Assert.Contains(notice, WebUtility.HtmlDecode(report));
        Assert.DoesNotContain("<h2 lang=\"fi\">Toinen kurssi</h2>", report); // not the first course's report in its place
        var grid = await admin.GetStringAsync("/Coordination/Grid?course=kurssi");
        Assert.Contains(notice, WebUtility.HtmlDecode(grid));
        Assert.DoesNotContain("<h2 lang=\"fi\">Toinen kurssi</h2>", grid);
        foreach (var export in new[] { "/Coordination/Reports?course=kurssi&handler=Csv", "/Coordination/Reports?course=kurssi&handler=Xlsx", "/Coordination/Grid?course=kurssi&handler=Csv" })
        {
            var file = await admin.GetAsync(export);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, file.StatusCode); // not another course's file under this one's filters
            Assert.Contains(notice, WebUtility.HtmlDecode(await file.Content.ReadAsStringAsync()));
        }

        var person = await admin.GetAsync($"/Coordination/Progress/kurssi/{pia.UserId}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, person.StatusCode);
        Assert.Contains(notice, WebUtility.HtmlDecode(await person.Content.ReadAsStringAsync()));

        var cohort = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Coordination/Cohorts/Cohort/{cohortId}"));
        Assert.Contains(notice, cohort);
        Assert.Contains("<dd lang=\"fi\">Pieni kurssi</dd>", cohort); // named as last loaded, not by its id
        Assert.Contains("Pia Osallistuja", cohort);
        Assert.Contains("<td lang=\"fi\">Pieni kurssi</td>", await admin.GetStringAsync("/Coordination/Cohorts"));

        // Renaming the cohort does not need the course's files.
        var saved = await admin.PostFormAsync($"/Coordination/Cohorts/Edit/{cohortId}", new Dictionary<string, string>
        {
            ["Input.Name"] = "Syksyn ryhmä", ["Input.CourseId"] = "kurssi", ["Input.StartsOn"] = "2027-08-01", ["Input.EndsOn"] = "2027-12-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var cohortRow = await _learning.DbAsync(db => db.Cohorts.Select(c => new { c.Name, c.CourseId }).SingleAsync()); // not a tuple: PostgreSQL cannot read one
        Assert.Equal(("Syksyn ryhmä", "kurssi"), (cohortRow.Name, cohortRow.CourseId));

        // The funder summary keeps its completions, but does not count its hours as 0 without saying so.
        var funder = WebUtility.HtmlDecode(await admin.GetStringAsync("/Coordination/Funder"));
        Assert.Contains("<td lang=\"fi\">Pieni kurssi</td><td>1</td><td>1</td><td>–</td>", funder);
        Assert.Contains("koulutustunteja ei tiedetä", funder);
    }

    [Fact]
    public async Task A_removed_courses_report_and_cohort_say_its_files_are_not_on_the_site()
    {
        var (admin, pia, cohortId) = await ArrangeAsync();
        await Eventually.TrueAsync(() => _learning.DbAsync(db => db.Set<RecordedCourseName>().AnyAsync(n => n.CourseId == "kurssi")), "the course's name on record");
        _learning.DeleteFolder("kurssi");
        _learning.Reload();
        // Called by the name the site recorded when the course last loaded, with its id for the trainer to look for.
        const string notice = "<span lang=\"fi\">Pieni kurssi</span> (<code>kurssi</code>):\n    koulutuksen tiedostoja ei ole nyt sivustolla";

        var report = await admin.GetAsync($"/Coordination/Reports?course=kurssi&cohort={cohortId}");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var text = WebUtility.HtmlDecode(await report.Content.ReadAsStringAsync());
        Assert.Contains(notice, text);
        Assert.DoesNotContain("<h2 lang=\"fi\">Toinen kurssi</h2>", text);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await admin.GetAsync("/Coordination/Reports?course=kurssi&handler=Csv")).StatusCode);
        Assert.Contains(notice, WebUtility.HtmlDecode(await admin.GetStringAsync($"/Coordination/Cohorts/Cohort/{cohortId}")));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await admin.GetAsync($"/Coordination/Progress/kurssi/{pia.UserId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Coordination/Progress/eiole/{pia.UserId}")).StatusCode);
        // A coordinator who may not see her is not told she was enrolled: the answer is that of anyone not enrolled.
        var (outsider, _) = await TestUsers.SignedInCoordinatorAsync(_learning.Site, "Muu organisaatio");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Coordination/Progress/kurssi/{pia.UserId}")).StatusCode);
        var funder = WebUtility.HtmlDecode(await admin.GetStringAsync("/Coordination/Funder"));
        Assert.Contains("<td lang=\"fi\">Pieni kurssi</td><td>1</td><td>1</td><td>–</td>", funder); // named as its certificates name it
        Assert.DoesNotContain(">kurssi</td>", funder);
    }

    // A second course, so a report that fell back to "the first course" would show something.
    private async Task<(HttpClient Admin, LearningSite.Participant Pia, int CohortId)> ArrangeAsync()
    {
        _learning.Write("toinen/course.yml", "title: Toinen kurssi\nsummary: Kuvaus.\nlanguage: fi\ncredits: 1\nhours: 5\nversion: \"1\"\noutcomes:\n  - Osaat.\n");
        _learning.Write("toinen/01-alku/module.yml", "title: Alku\n");
        _learning.Write("toinen/01-alku/01-kanavat.md", LearningSite.LessonOne);
        _learning.Reload();
        await TestUsers.CreateAsync(_learning.Site.Services, "admin@example.fi", "Ylläpitäjä", Roles.Admin);
        var admin = _learning.Site.CreateBrowserLikeClient();
        await admin.SignInAsync("admin@example.fi", TestUsers.Password);
        var pia = await _learning.ParticipantAsync("pia@example.fi", "Pia Osallistuja");
        await pia.CompleteAllAsync();
        var cohortId = await _learning.DbAsync(async db =>
        {
            var cohort = new Cohort { Name = "Kevään ryhmä", CourseId = "kurssi", CreatedByUserId = pia.UserId };
            db.CohortMembers.Add(new CohortMember { Cohort = cohort, UserId = pia.UserId, AddedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return cohort.Id;
        });
        return (admin, pia, cohortId);
    }
}
