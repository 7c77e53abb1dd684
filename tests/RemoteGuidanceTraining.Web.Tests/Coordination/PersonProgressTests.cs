using System.Net;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Coordination;

/// <summary>One person's progress, opened from the report, and only for people in the coordinator's scope.</summary>
public sealed class PersonProgressTests : IDisposable
{
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task A_coordinator_opens_a_persons_progress_from_the_report_with_readable_quiz_and_task_names()
    {
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var pia = await _learning.ParticipantAsync("pia@example.fi", "Pia Osallistuja");
        await TestOrganisations.JoinAsync(_learning.Site.Services, pia.UserId, "Organisaatio A");
        await pia.DoneAsync("alku/kanavat");
        await pia.AnswerQuizAsync("a");
        await pia.AnswerQuizAsync("b");
        await pia.TaskAsync("Luonnos", submit: false);

        var report = await a.GetStringAsync("/Coordination/Reports?course=kurssi");
        var link = $"/Coordination/Progress/kurssi/{pia.UserId}";
        Assert.Contains($"href=\"{link}?returnUrl=", report);

        var page = await a.GetStringAsync(link);
        Assert.Contains("Pia Osallistuja", page);
        Assert.Contains("Kanavat", page);      // the quiz's title defaults to its lesson's title, never the id
        Assert.DoesNotContain("kanavavisa", page);
        Assert.Contains("100 %", page);         // best score of the two attempts
        Assert.Matches(@"<td>2</td>", page);     // attempts
        Assert.Contains("Luonnos, ei palautettu", page);
        Assert.Contains("Ei luettu", page);     // the second lesson
    }

    [Fact]
    public async Task A_coordinator_cannot_open_another_organisations_persons_progress()
    {
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var b = await CoordinatorAsync("b@example.fi", "Organisaatio B");
        var bertta = await _learning.ParticipantAsync("bertta@example.fi", "Bertta Beeläinen");
        await TestOrganisations.JoinAsync(_learning.Site.Services, bertta.UserId, "Organisaatio B");
        var outsider = await _learning.ParticipantAsync("outsider@example.fi", "Ulla Ulkopuolinen");

        var url = $"/Coordination/Progress/kurssi/{bertta.UserId}";
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/Coordination/Progress/kurssi/{outsider.UserId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/Coordination/Progress/eiole/{bertta.UserId}")).StatusCode);
        // A participant is no coordinator at all.
        Assert.NotEqual(HttpStatusCode.OK, (await outsider.Client.GetAsync(url)).StatusCode);
        Assert.DoesNotContain("Bertta", await a.GetStringAsync("/Coordination/Reports?course=kurssi"));
    }

    [Fact]
    public async Task The_report_filters_on_completion_date_and_says_when_it_is_empty()
    {
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var done = await _learning.ParticipantAsync("valmis@example.fi", "Valma Valmis");
        var idle = await _learning.ParticipantAsync("idle@example.fi", "Iida Aloittamaton");
        foreach (var p in new[] { done, idle })
        {
            await TestOrganisations.JoinAsync(_learning.Site.Services, p.UserId, "Organisaatio A");
        }

        await done.CompleteAllAsync();
        Assert.Equal(1, await _learning.CompletionsAsync(done.UserId));
        var today = await _learning.DbAsync(db => db.CourseCompletions.Where(c => c.UserId == done.UserId).Select(c => c.CompletedAtUtc).SingleAsync());
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(today, TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki")));

        var within = await a.GetStringAsync($"/Coordination/Reports?course=kurssi&completedFrom={day.AddDays(-1):yyyy-MM-dd}&completedTo={day:yyyy-MM-dd}");
        Assert.Contains("Valma Valmis", within);
        Assert.DoesNotContain("Iida Aloittamaton", within);
        Assert.Contains($"completedFrom={day.AddDays(-1):yyyy-MM-dd}", within); // the filter survives in the sort and export links

        var later = await a.GetStringAsync($"/Coordination/Reports?course=kurssi&completedFrom={day.AddDays(1):yyyy-MM-dd}");
        Assert.DoesNotContain("Valma Valmis", later);
        Assert.Contains("Valinnoillasi ei löytynyt yhtään osallistujaa", later);

        // Someone who never opened a lesson has no "last active" in the export; the enrolment column says it is a date.
        var csv = await a.GetStringAsync("/Coordination/Reports?course=kurssi&handler=Csv");
        Assert.Contains("Ilmoittautumispäivä", csv);
        Assert.Contains("Tietovisa: Kanavat", csv, StringComparison.OrdinalIgnoreCase);
        var idleLine = csv.Split('\n').Single(l => l.Contains("Iida Aloittamaton", StringComparison.Ordinal)).Split(';');
        var header = csv.Split('\n')[0].TrimStart('\uFEFF').Split(';');
        Assert.Equal("", idleLine[Array.IndexOf(header, "Viimeksi aktiivinen")]);
    }

    [Fact]
    public async Task The_export_puts_each_persons_own_certificate_mail_status_and_score_on_their_line_and_no_one_elses()
    {
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var pia = await _learning.ParticipantAsync("pia@example.fi", "Pia Osallistuja");
        var anna = await _learning.ParticipantAsync("anna@example.fi", "Anna Aloittanut");
        var bertta = await _learning.ParticipantAsync("bertta@example.fi", "Bertta Beeläinen");
        await TestOrganisations.JoinAsync(_learning.Site.Services, pia.UserId, "Organisaatio A");
        await TestOrganisations.JoinAsync(_learning.Site.Services, anna.UserId, "Organisaatio A");
        await TestOrganisations.JoinAsync(_learning.Site.Services, bertta.UserId, "Organisaatio B");
        await pia.CompleteAllAsync();
        await bertta.CompleteAllAsync();
        await anna.AnswerQuizAsync("a");
        var code = await _learning.DbAsync(db => db.Certificates.Where(c => c.UserId == pia.UserId).Select(c => c.VerificationCode).SingleAsync());
        var berttasCode = await _learning.DbAsync(db => db.Certificates.Where(c => c.UserId == bertta.UserId).Select(c => c.VerificationCode).SingleAsync());

        // Exports read the course's details whole and keep the rows in the report; the page looks its rows up by id.
        var csv = await a.GetStringAsync("/Coordination/Reports?course=kurssi&handler=Csv");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].TrimStart('\uFEFF').Split(';');
        var quiz = Array.FindIndex(header, h => h.Contains("Kanavat", StringComparison.OrdinalIgnoreCase));
        string[] Line(string name) => lines.Single(l => l.Contains(name, StringComparison.Ordinal)).TrimEnd('\r').Split(';');
        Assert.Equal(code, Line("Pia Osallistuja")[^2]);
        Assert.NotEqual("", Line("Pia Osallistuja")[^1]);      // its certificate mail, waiting or sent
        Assert.Equal("100", Line("Pia Osallistuja")[quiz]);
        Assert.Equal(["", ""], Line("Anna Aloittanut")[^2..]);  // no certificate, so no mail either
        Assert.Equal("0", Line("Anna Aloittanut")[quiz]);
        Assert.DoesNotContain("Bertta", csv);
        Assert.DoesNotContain(berttasCode, csv);
        Assert.Contains(code, await a.GetStringAsync("/Coordination/Reports?course=kurssi"));
    }

    private async Task<HttpClient> CoordinatorAsync(string email, string organisation) =>
        (await TestUsers.SignedInCoordinatorAsync(_learning.Site, organisation, email)).Client;
}
