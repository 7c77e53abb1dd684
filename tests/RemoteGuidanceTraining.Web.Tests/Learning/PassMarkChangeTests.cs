using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Learning;

/// <summary>
/// A trainer changes the course's pass mark after people have answered its quiz: the questions are the same, so the
/// results stay, and what passes follows the new mark everywhere, in the quiz's own words, completion and reports.
/// Before, the flag stored with the attempt stood: "Not passed (50 %, 50 % required)", and under a raised mark
/// "Passed (50 %, 100 % required)" with completion and a certificate.
/// </summary>
public sealed class PassMarkChangeTests : IDisposable
{
    private const string CourseFile = "title: Pieni kurssi\nsummary: Kuvaus.\nlanguage: fi\ncredits: 1\nhours: 27\nversion: \"1\"\noutcomes:\n  - Osaat.\nissuer: Testiverkosto\nsignatory:\n  name: Allekirjoittaja\n";

    // Two questions, so one right answer is 50 %.
    private const string TwoQuestions = """
        ---
        title: Kanavat
        minutes: 10
        ---

        :::: quiz kanavavisa
        ::: question synkroninen
        Mikä on synkroninen kanava?

        - [ ] Sähköposti
        - [x] Video

        Video on reaaliaikainen.
        :::
        ::: question kirjallinen
        Mikä on kirjallinen kanava?

        - [x] Chat
        - [ ] Puhelin

        Chat on kirjoitettua.
        :::
        ::::
        """;

    private readonly LearningSite _learning = new();

    public PassMarkChangeTests()
    {
        _learning.Write("kurssi/01-alku/01-kanavat.md", TwoQuestions);
        SetPassMark(50);
    }

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task Lowering_the_pass_mark_passes_a_result_that_now_reaches_it_and_completes_the_course()
    {
        SetPassMark(100);
        var p = await _learning.ParticipantAsync();
        await HalfRightAsync(p);
        await p.TaskAsync(LearningSite.LongAnswer, submit: true);
        await p.DoneAsync("alku/oma-tyo");
        Assert.Contains("Ei vielä hyväksytty", await QuizTextAsync(p));

        SetPassMark(50);

        await Eventually.TrueAsync(async () => await _learning.CompletionsAsync(p.UserId) == 1, "the completion after the pass mark came down", 20_000);
        var quiz = await QuizTextAsync(p);
        Assert.Contains("Hyväksytty. Oikein 1/2 (50 %, vaaditaan 50 %).", quiz);
    }

    [Fact]
    public async Task Raising_the_pass_mark_takes_the_pass_from_a_result_below_it_and_does_not_complete()
    {
        var p = await _learning.ParticipantAsync();
        await HalfRightAsync(p);
        Assert.Contains("Hyväksytty.", await QuizTextAsync(p));

        SetPassMark(100);
        await Eventually.TrueAsync(() => _learning.DbAsync(db => db.QuizResults.AnyAsync(r => r.UserId == p.UserId && !r.Passed)), "the result re-judged");
        await p.TaskAsync(LearningSite.LongAnswer, submit: true);
        await p.DoneAsync("alku/oma-tyo");

        Assert.Contains("Ei vielä hyväksytty – lue perustelut ja yritä uudelleen. Oikein 1/2 (50 %, vaaditaan 100 %).", await QuizTextAsync(p));
        Assert.Equal(0, await _learning.CompletionsAsync(p.UserId));
        Assert.Contains("Suoritettu 75 %", WebUtility.HtmlDecode(await p.Client.GetStringAsync("/courses/kurssi"))); // the quiz is the one left
        await TestUsers.CreateAsync(_learning.Site.Services, "admin@example.fi", "Anna Admin", Roles.Admin);
        var admin = _learning.Site.CreateBrowserLikeClient();
        await admin.SignInAsync("admin@example.fi", TestUsers.Password);
        var progress = await admin.GetStringAsync($"/Coordination/Progress/kurssi/{p.UserId}");
        Assert.Matches("<td>50 %</td><td>1</td>\\s*<td>Ei</td>", progress); // the coordinator's view of the same quiz
    }

    private void SetPassMark(int percent)
    {
        _learning.Write("kurssi/course.yml", CourseFile + $"pass_mark: {percent}\n");
        _learning.Reload();
    }

    private static async Task HalfRightAsync(LearningSite.Participant p)
    {
        await p.DoneAsync("alku/kanavat");
        var answered = await p.Client.PostFormAsync("/courses/kurssi/alku/kanavat?handler=Quiz",
            new Dictionary<string, string> { ["quizId"] = "kanavavisa", ["q.synkroninen"] = "b", ["q.kirjallinen"] = "b" }, formUrl: "/courses/kurssi/alku/kanavat");
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
    }

    private static async Task<string> QuizTextAsync(LearningSite.Participant p)
    {
        var page = WebUtility.HtmlDecode(await p.Client.GetStringAsync("/courses/kurssi/alku/kanavat"));
        var start = page.IndexOf("<div class=\"quiz-result", StringComparison.Ordinal);
        Assert.True(start >= 0, "the quiz shows a result");
        var text = Regex.Replace(page[start..page.IndexOf("</div>", start, StringComparison.Ordinal)], "<[^>]*>", " ");
        return string.Join(' ', text.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries)); // the text as read, tags and line breaks aside
    }
}
