using System.Net;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Courses;
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

    [Fact]
    public async Task A_removed_course_stays_on_my_studies_as_unavailable_with_its_completion_and_certificate()
    {
        var started = await _learning.ParticipantAsync();
        await started.DoneAsync("alku/kanavat");
        var finished = await _learning.ParticipantAsync(fullName: "Veli Valmis");
        await finished.DoneAsync("alku/kanavat");
        await finished.AnswerQuizAsync("b");
        await finished.TaskAsync(LongAnswer, submit: true);
        await finished.DoneAsync("alku/oma-tyo");
        var certificateId = await _learning.DbAsync(db => db.Certificates.Where(c => c.UserId == finished.UserId).Select(c => c.Id).SingleAsync());
        // The site records the names of the courses it loads in the background, at start and after each reload.
        await Eventually.TrueAsync(() => _learning.DbAsync(db => db.Set<RecordedCourseName>().AnyAsync(n => n.CourseId == "kurssi")), "the course's name on record");

        _learning.DeleteFolder("kurssi");
        _learning.Reload();

        var studies = WebUtility.HtmlDecode(await started.Client.GetStringAsync("/my-studies"));
        Assert.DoesNotContain("Et ole vielä ilmoittautunut", studies);
        Assert.Contains("<h3><span lang=\"fi\">Pieni kurssi</span></h3>", studies); // its name on record, not its id
        Assert.Contains("tiedostot on poistettu", studies);
        Assert.DoesNotContain("href=\"/courses/kurssi", studies);
        var course = await started.Client.GetAsync("/courses/kurssi");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, course.StatusCode);
        Assert.Contains("tiedostot on poistettu", WebUtility.HtmlDecode(await course.Content.ReadAsStringAsync()));

        var done = WebUtility.HtmlDecode(await finished.Client.GetStringAsync("/my-studies"));
        Assert.Contains("<span lang=\"fi\">Pieni kurssi</span>", done); // named by its certificate
        Assert.Contains($"href=\"/my-studies?id={certificateId}&handler=Certificate\"", done);
        var pdf = await finished.Client.GetAsync($"/my-studies?handler=Certificate&id={certificateId}");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_task_answer_sent_after_the_course_broke_is_shown_back_to_copy_not_lost()
    {
        var p = await _learning.ParticipantAsync();
        Assert.Equal(HttpStatusCode.OK, (await p.Client.GetAsync("/courses/kurssi/alku/oma-tyo")).StatusCode); // the form is open

        _learning.Write("kurssi/course.yml", "title: \"Pieni kurssi\nsummary: Kuvaus.\nlanguage: fi\n");
        _learning.Reload();

        const string typed = "Chat arkisin <b>ja</b> puhelin, sekä \"videotapaamiset\" sopimuksen mukaan.";
        // The lesson's own form is not there to GET any more; the token of any page of the site does.
        var sent = await p.Client.PostFormAsync("/courses/kurssi/alku/oma-tyo?handler=Task",
            new Dictionary<string, string> { ["taskId"] = "kanavakartta", ["text"] = typed, ["submit"] = "true" }, formUrl: "/my-studies");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, sent.StatusCode);
        var page = await sent.Content.ReadAsStringAsync();
        Assert.Contains(Unavailable, WebUtility.HtmlDecode(page));
        Assert.Contains("Vastaustasi ei tallennettu", WebUtility.HtmlDecode(page));
        Assert.Matches("<label for=\"unsaved-text\">[^<]+</label>\\s*<textarea id=\"unsaved-text\" readonly", page);
        Assert.Contains($"readonly rows=\"10\">{typed}</textarea>", WebUtility.HtmlDecode(page));
        Assert.Equal(0, await _learning.DbAsync(db => db.TaskAnswers.CountAsync(t => t.UserId == p.UserId)));

        var quiz = await p.Client.PostFormAsync("/courses/kurssi/alku/kanavat?handler=Quiz",
            new Dictionary<string, string> { ["quizId"] = "kanavavisa", ["q.synkroninen"] = "b" }, formUrl: "/my-studies");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, quiz.StatusCode);
        Assert.Contains("Tietovisan vastauksiasi ei tallennettu", WebUtility.HtmlDecode(await quiz.Content.ReadAsStringAsync()));
    }

    private const string LongAnswer = LearningSite.LongAnswer;

    private async Task<HttpClient> TrainerAsync()
    {
        var email = $"kouluttaja-{Guid.NewGuid():N}@example.fi";
        await TestUsers.CreateAsync(_learning.Site.Services, email, "Kalle Kouluttaja", Roles.Trainer);
        var trainer = _learning.Site.CreateBrowserLikeClient();
        await trainer.SignInAsync(email, TestUsers.Password);
        return trainer;
    }
}
