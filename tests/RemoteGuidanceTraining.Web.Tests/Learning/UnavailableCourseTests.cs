using System.Net;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Learning;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Learning;

/// <summary>
/// A published course whose files stop loading (an unclosed quote in course.yml, a lesson another one links to
/// removed on disk) is not served, but the people in it are told so instead of being told there is nothing.
/// </summary>
public sealed class UnavailableCourseTests : IDisposable
{
    private const string Unavailable = "tilapäisesti poissa käytöstä";

    // Links to the first lesson, so removing that lesson on disk breaks the course.
    private const string LinkingTask = """
        ---
        title: Oma työ
        minutes: 10
        ---

        Kertaa ensin [kanavat](01-kanavat.md).

        ::: task kanavakartta minlength=40
        Kuvaa palvelusi kanavat.
        :::
        """;

    private readonly LearningSite _learning = new();

    public UnavailableCourseTests()
    {
        _learning.Write("kurssi/01-alku/02-oma-tyo.md", LinkingTask);
        _learning.Reload();
    }

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task An_enrolled_participant_is_told_their_broken_course_is_temporarily_unavailable_not_that_it_is_gone()
    {
        var p = await _learning.ParticipantAsync();
        await p.DoneAsync("alku/kanavat");

        _learning.Write("kurssi/course.yml", "title: \"Pieni kurssi\nsummary: Kuvaus.\nlanguage: fi\n");
        _learning.Reload();

        var studies = WebUtility.HtmlDecode(await p.Client.GetStringAsync("/my-studies"));
        Assert.DoesNotContain("Et ole vielä ilmoittautunut", studies);
        Assert.Contains("<span lang=\"fi\">Pieni kurssi</span>", studies); // named as last loaded
        Assert.Contains(Unavailable, studies);
        Assert.DoesNotContain("href=\"/courses/kurssi", studies);

        var course = await p.Client.GetAsync("/courses/kurssi");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, course.StatusCode);
        Assert.Contains(Unavailable, WebUtility.HtmlDecode(await course.Content.ReadAsStringAsync()));
        var lesson = await p.Client.GetAsync("/courses/kurssi/alku/oma-tyo");
        Assert.Equal(HttpStatusCode.Redirect, lesson.StatusCode);
        Assert.Equal("/courses/kurssi", lesson.Headers.Location?.OriginalString);

        // Someone not enrolled learns nothing new: the address is "not found" as before.
        var email = $"muu-{Guid.NewGuid():N}@example.fi";
        await TestUsers.CreateAsync(_learning.Site.Services, email, "Muu Ihminen");
        var other = _learning.Site.CreateBrowserLikeClient();
        await other.SignInAsync(email, TestUsers.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/courses/kurssi")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/courses/kurssi/alku/oma-tyo")).StatusCode);

        // Fixed: served again with the progress kept.
        _learning.Write("kurssi/course.yml", "title: Pieni kurssi\nsummary: Kuvaus.\nlanguage: fi\ncredits: 1\nhours: 27\nversion: \"1\"\noutcomes:\n  - Osaat.\nissuer: Testiverkosto\nsignatory:\n  name: Allekirjoittaja\n");
        _learning.Reload();
        var again = WebUtility.HtmlDecode(await p.Client.GetStringAsync("/my-studies"));
        Assert.DoesNotContain(Unavailable, again);
        Assert.Contains("href=\"/courses/kurssi\"", again);
    }

    [Fact]
    public async Task The_trainer_is_told_how_many_answers_wait_in_a_broken_course_and_nothing_is_decided_there()
    {
        var p = await _learning.ParticipantAsync();
        await p.TaskAsync(LearningSite.LongAnswer, submit: true);
        var trainer = await TrainerAsync();
        var id = await _learning.DbAsync(db => db.TaskAnswers.Where(t => t.UserId == p.UserId).Select(t => t.Id).SingleAsync());
        Assert.Contains("Pia Osallistuja", await trainer.GetStringAsync("/Trainer/Tasks?show=all"));

        _learning.Delete("kurssi/01-alku/01-kanavat.md"); // the task lesson links to it
        _learning.Reload();

        var list = WebUtility.HtmlDecode(await trainer.GetStringAsync("/Trainer/Tasks?show=all"));
        Assert.DoesNotContain("Ei palautettuja tehtäviä", list);
        Assert.Contains(Unavailable, list);
        Assert.Contains("<span lang=\"fi\">Pieni kurssi</span> (<code>kurssi</code>): vastauksia 1", list);
        Assert.Contains("href=\"/Trainer/CourseProblems\"", list);

        var answer = await trainer.GetAsync($"/Trainer/Answer/{id}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Contains(Unavailable, WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync()));

        var decided = await trainer.PostFormAsync($"/Trainer/Answer/{id}",
            new Dictionary<string, string> { ["feedback"] = "Hyvä kartta, kiitos.", ["decision"] = "accept" }, formUrl: "/Trainer/Tasks");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, decided.StatusCode);
        Assert.Contains("Hyvä kartta, kiitos.", WebUtility.HtmlDecode(await decided.Content.ReadAsStringAsync())); // shown back, not lost
        Assert.Equal(TaskReviewState.Submitted, await _learning.DbAsync(db => db.TaskAnswers.Where(t => t.Id == id).Select(t => t.ReviewState).SingleAsync()));
    }

    private async Task<HttpClient> TrainerAsync()
    {
        var email = $"kouluttaja-{Guid.NewGuid():N}@example.fi";
        await TestUsers.CreateAsync(_learning.Site.Services, email, "Kalle Kouluttaja", Roles.Trainer);
        var trainer = _learning.Site.CreateBrowserLikeClient();
        await trainer.SignInAsync(email, TestUsers.Password);
        return trainer;
    }
}
