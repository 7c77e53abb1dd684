using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Learning;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Coordination;

/// <summary>What the report page says and where its links lead, as a coordinator reads them.</summary>
public sealed partial class ReportPageTests : IDisposable
{
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task The_funnel_table_names_its_count_column_for_every_kind_of_requirement_not_only_lessons()
    {
        var admin = await AdminAsync();
        await _learning.ParticipantAsync("pia@example.fi", "Pia Osallistuja");

        var page = await admin.GetStringAsync("/Coordination/Reports?course=kurssi");

        Assert.Contains("<th scope=\"col\">Vaatimus</th><th scope=\"col\">Täyttänyt vaatimuksen</th>", page);
        Assert.Contains("Tietovisa: <span lang=\"fi\">Kanavat</span>", page);  // a quiz row under that header
    }

    [Fact]
    public async Task Best_scores_are_a_column_per_quiz()
    {
        // Before, a comma-separated run, then a list, in one column: on a phone a row grew a screen tall.
        var admin = await AdminAsync();
        var pia = await _learning.ParticipantAsync("pia@example.fi", "Pia Osallistuja");
        await pia.AnswerQuizAsync("b");

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/Coordination/Reports?course=kurssi"));

        Assert.Contains("<th scope=\"col\" class=\"quiz-score\"><span class=\"kind\">Tietovisa</span> <span lang=\"fi\">Kanavat</span></th>", page);
        Assert.Contains("<td class=\"quiz-score\">100\u00a0%</td>", page);
    }

    [Fact]
    public async Task An_english_courses_funnel_marks_the_course_titles_english_while_the_step_kinds_stay_finnish()
    {
        _learning.Write("kurssi/course.yml", "title: Small course\nsummary: About.\nlanguage: en\ncredits: 1\nhours: 27\nversion: \"1\"\noutcomes:\n  - You know.\n");
        _learning.Write("kurssi/01-alku/01-kanavat.md", LearningSite.LessonOne.Replace("title: Kanavat", "title: Channels", StringComparison.Ordinal));
        _learning.Reload();
        var admin = await AdminAsync();
        await _learning.ParticipantAsync("pia@example.fi", "Pia Osallistuja");

        var page = await admin.GetStringAsync("/Coordination/Reports?course=kurssi");

        // A screen reader reads "Tietovisa" in Finnish and "Channels" in English, in the table and on the chart.
        Assert.Contains("<th scope=\"row\">2. Tietovisa: <span lang=\"en\">Channels</span></th>", page);
        Assert.Contains("2. Tietovisa: <tspan lang=\"en\">Channels</tspan></text>", page);

        // The grid of the same course: its heading and each requirement's title, the kind in Finnish.
        var grid = await admin.GetStringAsync("/Coordination/Grid?course=kurssi");
        Assert.Contains("<h2 lang=\"en\">Small course</h2>", grid);
        Assert.Contains("<span class=\"kind\">Tietovisa</span> <span lang=\"en\">Channels</span></th>", grid);
    }

    [Fact]
    public async Task The_tasks_column_says_it_counts_submitted_tasks_and_reviewed_ones_once_accepted_on_screen_and_in_both_exports()
    {
        var admin = await AdminAsync();
        await _learning.ParticipantAsync("pia@example.fi", "Pia Osallistuja");
        const string header = "Tehtävät tehty (palautettu, arvioitavat hyväksytty)";

        Assert.Contains($"<th scope=\"col\">{header}</th>", await admin.GetStringAsync("/Coordination/Reports?course=kurssi"));
        Assert.Contains($";{header};", await admin.GetStringAsync("/Coordination/Reports?course=kurssi&handler=Csv"));
        using var xlsx = SpreadsheetDocument.Open(new MemoryStream(await admin.GetByteArrayAsync("/Coordination/Reports?course=kurssi&handler=Xlsx")), false);
        Assert.Contains(header, xlsx.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().First().Elements<Cell>().Select(c => c.InnerText));
    }

    [Fact]
    public async Task Back_from_a_persons_progress_returns_to_the_same_cohort_sort_and_page_of_the_report_or_grid()
    {
        var admin = await AdminAsync();
        var pia = await _learning.ParticipantAsync("pia@example.fi", "Pia Osallistuja");
        var cohortId = await _learning.DbAsync(async db =>
        {
            var cohort = new Cohort { Name = "Kevään ryhmä", CourseId = "kurssi", CreatedByUserId = pia.UserId };
            db.CohortMembers.Add(new CohortMember { Cohort = cohort, UserId = pia.UserId, AddedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return cohort.Id;
        });

        var report = await admin.GetStringAsync($"/Coordination/Reports?course=kurssi&cohort={cohortId}&sort=progress&desc=true&page=2");
        var progress = await admin.GetStringAsync(ProgressLink(report));
        var back = BackLink(progress, "Takaisin raporttiin");
        Assert.StartsWith("/Coordination/Reports?", back, StringComparison.Ordinal);
        Assert.Contains($"cohort={cohortId}", back);
        Assert.Contains("sort=progress", back);
        Assert.Contains("desc=true", back);
        Assert.Contains("page=2", back);
        Assert.Contains("Pia Osallistuja", await admin.GetStringAsync(back));

        var grid = await admin.GetStringAsync($"/Coordination/Grid?course=kurssi&cohort={cohortId}");
        Assert.Contains($"cohort={cohortId}", BackLink(await admin.GetStringAsync(ProgressLink(grid)), "Takaisin suoritustaulukkoon"));

        // A return address off the report pages is not followed: the link leads to the course's report.
        foreach (var foreign in new[] { "https://evil.example/Coordination/Reports", "//evil.example/", "/Account/Manage" })
        {
            var page = await admin.GetStringAsync($"/Coordination/Progress/kurssi/{pia.UserId}?returnUrl={Uri.EscapeDataString(foreign)}");
            Assert.Equal("/Coordination/Reports?course=kurssi", BackLink(page, "Takaisin raporttiin"));
        }
    }

    [Fact]
    public async Task Sorting_paging_and_coming_back_from_a_person_open_the_report_at_its_participants_table()
    {
        // The table comes after the figures and three charts with their tables: several screens down on a phone.
        var admin = await AdminAsync();
        for (var i = 0; i < 51; i++)
        {
            await TestUsers.CreateAsync(_learning.Site.Services, $"p{i}@example.fi", $"Osallistuja {i:00}");
        }

        await _learning.DbAsync(async db =>
        {
            db.Enrollments.AddRange(await db.Users.Where(u => u.Email!.StartsWith("p")).Select(u => new Enrollment { UserId = u.Id, CourseId = "kurssi" }).ToListAsync());
            return await db.SaveChangesAsync();
        });

        var report = WebUtility.HtmlDecode(await admin.GetStringAsync("/Coordination/Reports?course=kurssi"));

        Assert.Contains("<a href=\"#participants\">Siirry osallistujiin (51)<span aria-hidden=\"true\"> ↓</span></a>", report);
        Assert.Contains("<h3 id=\"participants\">Osallistujat</h3>", report);
        Assert.Matches("<a href=\"/Coordination/Reports\\?course=kurssi&sort=progress[^\"]*#participants\">Edistyminen %</a>", report);
        Assert.Matches("<a href=\"/Coordination/Reports\\?course=kurssi[^\"]*page=2#participants\">Seuraava sivu</a>", report);
        var back = BackLink(await admin.GetStringAsync(ProgressLink(report)), "Takaisin raporttiin");
        Assert.EndsWith("#participants", back);
    }

    [Fact]
    public async Task Course_texts_on_the_english_coordinator_pages_are_marked_with_the_courses_language()
    {
        var admin = await AdminAsync();
        var pia = await _learning.ParticipantAsync("pia@example.fi", "Pia Osallistuja");
        await pia.CompleteAllAsync();
        await admin.PostFormAsync("/Language", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" }, formUrl: "/");

        var report = await admin.GetStringAsync("/Coordination/Reports?course=kurssi");
        Assert.Contains("<html lang=\"en\">", report);
        Assert.Contains("<h2 lang=\"fi\">Pieni kurssi</h2>", report);
        Assert.Contains("class=\"chart-label\" lang=\"fi\">1. ", report);          // module titles in the chart
        Assert.Matches("<tr><th scope=\"row\" lang=\"fi\">[^<]+</th><td>1</td>", report);  // and in its table
        Assert.Contains("<span lang=\"fi\">Kanavat</span></th>", report);              // a quiz's name heading its scores
        Assert.Contains("lang=\"fi\">Pieni kurssi</option>", report);

        var progress = await admin.GetStringAsync(ProgressLink(report));
        Assert.Contains("<dd lang=\"fi\">Pieni kurssi</dd>", progress);
        Assert.Contains("<th scope=\"row\" lang=\"fi\">Kanavat</th>", progress);
        Assert.Contains("<td lang=\"fi\">Pieni kurssi</td>", await admin.GetStringAsync("/Coordination/Certificates"));
    }

    [Fact]
    public async Task A_revoked_certificate_shows_as_revoked_with_its_date_on_the_page_and_in_both_exports_until_a_new_one_is_issued()
    {
        var admin = await AdminAsync();
        var pia = await _learning.ParticipantAsync("pia@example.fi", "Pia Osallistuja");
        await pia.CompleteAllAsync();
        var certificate = await _learning.DbAsync(db => db.Certificates.Where(c => c.UserId == pia.UserId).Select(c => new { c.Id, c.VerificationCode }).SingleAsync());
        var (id, code) = (certificate.Id, certificate.VerificationCode);
        var url = $"/Coordination/Certificate/{id}";
        await admin.PostFormAsync($"{url}?handler=Revoke", new Dictionary<string, string> { ["reason"] = "Väärä henkilö", ["confirm"] = "true" }, formUrl: url);
        var today = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki")).ToString("d.M.yyyy", CultureInfo.InvariantCulture);
        var revoked = $"{code} (peruttu {today})";

        // Completed stays completed, but the code no longer reads as a valid certificate's, nor as a missing one.
        Assert.Contains($"<td>{revoked}</td>", await admin.GetStringAsync("/Coordination/Reports?course=kurssi"));
        Assert.Contains($";{revoked};", await admin.GetStringAsync("/Coordination/Reports?course=kurssi&handler=Csv"));
        Assert.Equal(revoked, await XlsxCodeAsync(admin));

        await admin.PostFormAsync("/Language", new Dictionary<string, string> { ["culture"] = "sv", ["returnUrl"] = "/" }, formUrl: "/");
        Assert.Contains($"<td>{code} (återkallat {today})</td>", await admin.GetStringAsync("/Coordination/Reports?course=kurssi"));
        await admin.PostFormAsync("/Language", new Dictionary<string, string> { ["culture"] = "fi", ["returnUrl"] = "/" }, formUrl: "/");

        // A new certificate issued after the revocation is the one the report shows.
        await admin.PostFormAsync($"{url}?handler=IssueNew", new Dictionary<string, string> { ["note"] = "Suoritus vahvistettu" }, formUrl: url);
        var newCode = await _learning.DbAsync(db => db.Certificates.Where(c => c.UserId == pia.UserId && c.Id != id).Select(c => c.VerificationCode).SingleAsync());
        var page = await admin.GetStringAsync("/Coordination/Reports?course=kurssi");
        Assert.Contains($"<td>{newCode}</td>", page);
        Assert.DoesNotContain(code, page);
        Assert.Equal(newCode, await XlsxCodeAsync(admin));
    }

    private static async Task<string> XlsxCodeAsync(HttpClient client)
    {
        using var xlsx = SpreadsheetDocument.Open(new MemoryStream(await client.GetByteArrayAsync("/Coordination/Reports?course=kurssi&handler=Xlsx")), false);
        var rows = xlsx.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
        return rows.Single(r => r[0] == "Pia Osallistuja")[rows[0].IndexOf("Tarkistuskoodi")];
    }

    private static string ProgressLink(string page) => WebUtility.HtmlDecode(ProgressHref().Match(page).Groups[1].Value);

    private static string BackLink(string page, string text)
    {
        var match = Regex.Match(page, $"<a href=\"([^\"]+)\">{text}</a>");
        Assert.True(match.Success, $"no link '{text}'");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("href=\"(/Coordination/Progress/kurssi/[^\"]+)\"")]
    private static partial Regex ProgressHref();

    private async Task<HttpClient> AdminAsync()
    {
        await TestUsers.CreateAsync(_learning.Site.Services, "admin@example.fi", "Ylläpitäjä", Roles.Admin);
        var client = _learning.Site.CreateBrowserLikeClient();
        await client.SignInAsync("admin@example.fi", TestUsers.Password);
        return client;
    }
}
