using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Localization;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Coordination;

/// <summary>
/// "Started" means having done something towards the course (a lesson done, a quiz tried, a task answer saved), the
/// same on every coordinator page. Found in review: accepting an invitation lands on the first lesson, and that page
/// view alone made the person "in progress" in the report and kept them from the "not started" reminder.
/// </summary>
public sealed partial class StartedTests : IDisposable
{
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task Opening_a_lesson_is_not_a_start_but_a_lesson_done_a_quiz_tried_or_a_draft_saved_is_on_every_coordinator_page()
    {
        var a = (await TestUsers.SignedInCoordinatorAsync(_learning.Site, "Organisaatio A", "a@example.fi")).Client;
        var id = await CreateCohortAsync(a);
        var olli = await MemberAsync("olli@example.fi", "Olli Avannut");
        var nina = await MemberAsync("nina@example.fi", "Nina Ei");
        var lotta = await MemberAsync("lotta@example.fi", "Lotta Lukenut");
        var quinn = await MemberAsync("quinn@example.fi", "Quinn Kokeillut");
        var pia = await MemberAsync("pia@example.fi", "Pia Luonnos");
        await a.PostFormAsync($"/Coordination/Cohorts/Cohort/{id}?handler=Typed",
            new Dictionary<string, string> { ["typed"] = "olli@example.fi;Olli\nnina@example.fi;Nina\nlotta@example.fi;Lotta\nquinn@example.fi;Quinn\npia@example.fi;Pia" },
            formUrl: $"/Coordination/Cohorts/Cohort/{id}");
        Assert.Equal(HttpStatusCode.OK, (await olli.Client.GetAsync("/courses/kurssi/alku/kanavat")).StatusCode); // where the invitation leads
        await lotta.DoneAsync("alku/kanavat");
        await quinn.AnswerQuizAsync("a"); // wrong: tried, not passed
        await pia.TaskAsync("Luonnos", submit: false);

        var report = await a.GetStringAsync("/Coordination/Reports?course=kurssi");
        Assert.Contains("<dt>Aloittaneet</dt><dd>3</dd>", report);
        var csv = await a.GetStringAsync("/Coordination/Reports?course=kurssi&handler=Csv");
        Assert.Contains("Ei aloittanut", Line(csv, "olli@example.fi"));
        Assert.Contains("Ei aloittanut", Line(csv, "nina@example.fi"));
        foreach (var started in new[] { "lotta@example.fi", "quinn@example.fi", "pia@example.fi" })
        {
            Assert.Contains("Kesken", Line(csv, started));
        }

        Assert.Contains("Ei vielä aloittanut", await a.GetStringAsync($"/Coordination/Progress/kurssi/{olli.UserId}"));
        Assert.DoesNotContain("Ei vielä aloittanut", await a.GetStringAsync($"/Coordination/Progress/kurssi/{pia.UserId}"));

        var cohort = await a.GetStringAsync($"/Coordination/Cohorts/Cohort/{id}");
        Assert.Contains("Ei aloittanut", Row(cohort, "olli@example.fi"));
        Assert.Contains("Kesken", Row(cohort, "quinn@example.fi"));
        Assert.Contains("Kesken", Row(cohort, "pia@example.fi"));

        await a.PostFormAsync($"/Coordination/Cohorts/Cohort/{id}?handler=Remind", new Dictionary<string, string> { ["audience"] = "NotStarted" },
            formUrl: $"/Coordination/Cohorts/Cohort/{id}");
        Assert.Contains("Muistutus lähetetty 2 henkilölle.", WebUtility.HtmlDecode(await a.GetStringAsync($"/Coordination/Cohorts/Cohort/{id}")));
        await _learning.Site.Mailbox.WaitForAsync("olli@example.fi", m => (m.Subject ?? "").StartsWith("Muistutus", StringComparison.Ordinal));
        await _learning.Site.Mailbox.WaitForAsync("nina@example.fi", m => (m.Subject ?? "").StartsWith("Muistutus", StringComparison.Ordinal));
        foreach (var started in new[] { lotta, quinn, pia })
        {
            // The outbox holds every mail from the moment the reminder is answered: nothing to wait for.
            Assert.Equal(0, await _learning.DbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == started.Email && m.SubjectType == "cohort-reminder")));
        }

        _ = nina;
    }

    private static string Line(string csv, string email) => csv.Split('\n').Single(l => l.Contains(email, StringComparison.Ordinal));

    private static string Row(string html, string email) =>
        RowPattern().Matches(html).Select(m => m.Value).Single(r => r.Contains(email, StringComparison.Ordinal));

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    private async Task<LearningSite.Participant> MemberAsync(string email, string name)
    {
        var p = await _learning.ParticipantAsync(email, name);
        await TestOrganisations.JoinAsync(_learning.Site.Services, p.UserId, "Organisaatio A");
        return p;
    }

    private static async Task<int> CreateCohortAsync(HttpClient coordinator)
    {
        var today = DateOnly.FromDateTime(HelsinkiTime.FromUtc(DateTime.UtcNow));
        var response = await coordinator.PostFormAsync("/Coordination/Cohorts", new Dictionary<string, string>
        {
            ["Input.Name"] = "Kevät", ["Input.CourseId"] = "kurssi",
            ["Input.StartsOn"] = today.AddDays(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.EndsOn"] = today.AddDays(90).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
