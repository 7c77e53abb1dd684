using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Learning;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Learning;

/// <summary>
/// The revision loop of a `review=required` task over HTTP: submit, the trainer returns it with rubric feedback, the
/// participant is mailed and resubmits, the trainer accepts, and only then the course is completed — once.
/// </summary>
public sealed class TaskReviewTests : IDisposable
{
    public const string ReviewedLesson = """
        ---
        title: Oma työ
        minutes: 10
        ---

        :::: task kanavakartta minlength=40 review=required title="Oman palvelun kanavakartta"
        Kuvaa palvelusi kanavat.

        ::: rubric
        - Kartassa on jokainen kanava.
        - Varasuunnitelma on kuvattu.
        :::
        ::::
        """;

    private const string Revised = "Korjattu kartta: chat, puhelin, sähköposti ja video, ja jokaiselle varasuunnitelma katkosten varalle.";

    private readonly LearningSite _learning = new();

    public TaskReviewTests()
    {
        _learning.Write("kurssi/01-alku/02-oma-tyo.md", ReviewedLesson);
        _learning.Reload();
    }

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task Return_resubmit_accept_completes_the_course_exactly_once_and_only_on_acceptance()
    {
        var p = await _learning.ParticipantAsync();
        await p.CompleteAllAsync();
        Assert.Equal(0, await _learning.CompletionsAsync(p.UserId)); // submitted, not accepted
        var trainer = await TrainerAsync();
        var id = await AnswerIdAsync(p.UserId);

        Assert.Contains("Pia Osallistuja", await trainer.GetStringAsync("/Trainer/Tasks?show=new"));
        var page = await trainer.GetStringAsync($"/Trainer/Answer/{id}");
        Assert.Contains("vaatii hyväksynnän", WebUtility.HtmlDecode(page));
        Assert.Contains("<legend>Palaute kriteereittäin (valinnainen)</legend>", page);
        Assert.Contains("<label for=\"criterion-1\" lang=\"fi\">Varasuunnitelma on kuvattu.</label>", page);

        var returned = await trainer.PostFormAsync($"/Trainer/Answer/{id}", new Dictionary<string, string>
        {
            ["feedback"] = "Hyvä alku, täydennä varasuunnitelmat.", ["criterion"] = "Kanavat ovat mukana.", ["decision"] = "return",
        });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal(TaskReviewState.Returned, (await AnswerAsync(p.UserId)).ReviewState);
        Assert.Equal(0, await _learning.CompletionsAsync(p.UserId));

        var mail = await _learning.Site.Mailbox.WaitForAsync(p.Email, m => m.Subject?.StartsWith("Kehittämistehtäväsi palautettiin korjattavaksi", StringComparison.Ordinal) == true);
        var link = PickupMailbox.LinkIn(mail, "/courses/kurssi/alku/oma-tyo");
        Assert.StartsWith(TestSite.BaseUrl + "/courses/kurssi/alku/oma-tyo#task-kanavakartta", link);
        var lesson = await p.Client.GetStringAsync(new Uri(link).PathAndQuery);
        Assert.Contains("Hyvä alku, täydennä varasuunnitelmat.", lesson);
        Assert.Contains("<dt>Kartassa on jokainen kanava.</dt>", lesson);
        Assert.Contains("Kanavat ovat mukana.", lesson);
        Assert.Contains("Kouluttaja palautti tehtävän korjattavaksi", lesson);
        Assert.Contains("Palautettu korjattavaksi", await p.Client.GetStringAsync("/my-studies"));

        await p.TaskAsync(Revised, submit: true);
        Assert.Equal((TaskReviewState.Resubmitted, 2), ((await AnswerAsync(p.UserId)).ReviewState, (await AnswerAsync(p.UserId)).VersionCount));
        Assert.Contains("Pia Osallistuja", await trainer.GetStringAsync("/Trainer/Tasks?show=resubmitted"));
        Assert.DoesNotContain("Pia Osallistuja", await trainer.GetStringAsync("/Trainer/Tasks?show=returned"));
        Assert.Equal(0, await _learning.CompletionsAsync(p.UserId));
        page = await trainer.GetStringAsync($"/Trainer/Answer/{id}");
        Assert.Contains(Revised, page);
        Assert.Contains(LearningSite.LongAnswer, page); // version 1 in the history
        Assert.Contains("Hyvä alku, täydennä varasuunnitelmat.", page);

        await trainer.PostFormAsync($"/Trainer/Answer/{id}", new Dictionary<string, string> { ["feedback"] = "Nyt kartta on valmis.", ["decision"] = "accept" });

        Assert.Equal(1, await _learning.CompletionsAsync(p.UserId));
        Assert.Equal(1, await _learning.DbAsync(db => db.Certificates.CountAsync(c => c.UserId == p.UserId)));
        await _learning.Site.Mailbox.WaitForAsync(p.Email, m => m.Subject?.StartsWith("Todistus", StringComparison.Ordinal) == true);
        // The mail says the task was accepted, not only that there is feedback.
        await _learning.Site.Mailbox.WaitForAsync(p.Email, m => m.Subject == "Kehittämistehtäväsi hyväksyttiin – Pieni kurssi");
        // A second decision on the accepted answer is refused: no second completion, certificate or feedback.
        await trainer.PostFormAsync($"/Trainer/Answer/{id}", new Dictionary<string, string> { ["feedback"] = "Vielä yksi kommentti.", ["decision"] = "accept" });
        Assert.Equal(1, await _learning.CompletionsAsync(p.UserId));
        Assert.Equal(1, await _learning.DbAsync(db => db.Certificates.CountAsync(c => c.UserId == p.UserId)));
        Assert.Equal(1, await _learning.DbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == p.Email && m.Category == "certificate")));
        Assert.Equal(2, await _learning.DbAsync(db => db.TaskFeedbacks.CountAsync(f => f.TaskAnswerId == id)));

        lesson = await p.Client.GetStringAsync("/courses/kurssi/alku/oma-tyo");
        Assert.Contains("Kouluttaja on hyväksynyt tehtävän.", lesson);
        Assert.Contains("Versio 1", lesson);
        Assert.Contains("Versio 2", lesson);
        Assert.Contains("Hyvä alku, täydennä varasuunnitelmat.", lesson);
        Assert.Contains("Tehtävä on hyväksytty, eikä vastausta enää muuteta.", lesson);
        Assert.DoesNotContain("name=\"text\"", lesson);
    }

    [Fact]
    public async Task The_report_counts_a_review_task_only_once_it_is_accepted()
    {
        var p = await _learning.ParticipantAsync();
        await p.CompleteAllAsync();
        var waiting = (await ReportRowAsync(p.UserId)).Percent;
        Assert.True(waiting < 100); // submitted, waiting for the trainer
        // The person's own progress page for a coordinator says the same.
        Assert.Equal(waiting, await PersonPercentAsync(p.UserId));

        var trainer = await TrainerAsync();
        await trainer.PostFormAsync($"/Trainer/Answer/{await AnswerIdAsync(p.UserId)}", new Dictionary<string, string> { ["feedback"] = "Hyvä.", ["decision"] = "accept" });

        var row = await ReportRowAsync(p.UserId);
        Assert.Equal((100, Web.Reports.ParticipantStatus.Completed), (row.Percent, row.Status));
    }

    private Task<int> PersonPercentAsync(string userId) => AsAdminAsync(async (services, course, everyone) =>
        (await services.GetRequiredService<Web.Reports.PersonProgressService>().LoadAsync(course, everyone, userId, CancellationToken.None))!.Percent);

    private Task<Web.Reports.ParticipantRow> ReportRowAsync(string userId) => AsAdminAsync(async (services, course, everyone) =>
        (await services.GetRequiredService<Web.Reports.ReportService>().BuildAsync(course, everyone, new Web.Reports.ReportQuery("kurssi"), allDetails: false, CancellationToken.None))
            .Rows.Single(r => r.UserId == userId));

    /// <summary>Runs a report read on the test course with an admin's scope (everyone).</summary>
    private async Task<T> AsAdminAsync<T>(Func<IServiceProvider, RemoteGuidanceTraining.Courses.Model.Course, CoordinatorScope, Task<T>> read)
    {
        using var scope = _learning.Site.Services.CreateScope();
        var course = scope.ServiceProvider.GetRequiredService<Web.Courses.CatalogHolder>().Current.Find("kurssi")!;
        var everyone = new CoordinatorScope(true, [], [], scope.ServiceProvider.GetRequiredService<Web.Data.AppDbContext>().CohortMembers);
        return await read(scope.ServiceProvider, course, everyone);
    }

    [Fact]
    public async Task An_accepted_answer_of_a_review_task_cannot_be_changed()
    {
        var p = await _learning.ParticipantAsync();
        await p.TaskAsync(LearningSite.LongAnswer, submit: true);
        var trainer = await TrainerAsync();
        var id = await AnswerIdAsync(p.UserId);
        await trainer.PostFormAsync($"/Trainer/Answer/{id}", new Dictionary<string, string> { ["feedback"] = "Hyvä.", ["decision"] = "accept" });

        var response = await p.Client.PostFormAsync("/courses/kurssi/alku/oma-tyo?handler=Task",
            new Dictionary<string, string> { ["taskId"] = "kanavakartta", ["text"] = Revised, ["submit"] = "true" }, formUrl: "/courses/kurssi/alku/kanavat");

        Assert.Contains("Kouluttaja on jo hyväksynyt tehtävän", await response.Content.ReadAsStringAsync());
        var answer = await AnswerAsync(p.UserId);
        Assert.Equal((LearningSite.LongAnswer, 1, TaskReviewState.Accepted), (answer.Text, answer.VersionCount, answer.ReviewState));

        // Nor by a trainer: the acceptance may have completed the course and issued its certificate.
        var page = WebUtility.HtmlDecode(await trainer.GetStringAsync($"/Trainer/Answer/{id}"));
        Assert.DoesNotContain("value=\"return\"", page);
        // The header says what the answer is now: accepted, no longer "needs acceptance" beside it.
        Assert.Contains("Hyväksytty", page);
        Assert.DoesNotContain("vaatii hyväksynnän", page);
        Assert.Contains("hyväksyntä on lopullinen", page);
        var returned = await trainer.PostFormAsync($"/Trainer/Answer/{id}", new Dictionary<string, string> { ["feedback"] = "Sittenkin korjattavaa.", ["decision"] = "return" });
        var refused = WebUtility.HtmlDecode(await returned.Content.ReadAsStringAsync());
        Assert.Contains("hyväksyntä on lopullinen", refused);
        // The feedback typed in a form opened before the acceptance is shown back to copy, not lost.
        Assert.Contains("<textarea id=\"unsaved-feedback\" readonly rows=\"8\">Sittenkin korjattavaa.</textarea>", refused);
        Assert.Equal(TaskReviewState.Accepted, (await AnswerAsync(p.UserId)).ReviewState);
        Assert.Equal(0, await _learning.DbAsync(db => db.OutboxMessages.CountAsync(m => m.Subject.StartsWith("Kehittämistehtäväsi palautettiin"))));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_decision_that_is_neither_accept_nor_return_is_refused_and_nothing_is_decided(string? decision)
    {
        var p = await _learning.ParticipantAsync();
        await p.TaskAsync(LearningSite.LongAnswer, submit: true);
        var trainer = await TrainerAsync();
        var id = await AnswerIdAsync(p.UserId);
        var fields = new Dictionary<string, string> { ["feedback"] = "Palaute säilyy." };
        if (decision is not null)
        {
            fields["decision"] = decision;
        }

        var refused = await trainer.PostFormAsync($"/Trainer/Answer/{id}", fields);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Valitse jompikumpi", body);
        Assert.Contains("Palaute säilyy.", body);
        Assert.Equal(TaskReviewState.Submitted, (await AnswerAsync(p.UserId)).ReviewState);
        Assert.Equal(0, await _learning.DbAsync(db => db.TaskFeedbacks.CountAsync()));
    }

    [Fact]
    public async Task The_same_feedback_sent_again_or_twice_at_once_is_saved_and_mailed_once()
    {
        // Before, going back to the form and pressing send again added the same feedback and mailed it again.
        var p = await _learning.ParticipantAsync();
        await p.TaskAsync(LearningSite.LongAnswer, submit: true);
        var trainer = await TrainerAsync();
        var id = await AnswerIdAsync(p.UserId);
        var fields = new Dictionary<string, string> { ["feedback"] = "Täydennä varasuunnitelmat.", ["decision"] = "return" };

        var first = await trainer.PostFormAsync($"/Trainer/Answer/{id}", fields);
        var again = await trainer.PostFormAsync($"/Trainer/Answer/{id}", fields);
        var token = await trainer.FormTokenAsync($"/Trainer/Answer/{id}");
        var atOnce = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => trainer.PostAsync($"/Trainer/Answer/{id}",
            new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }))));

        Assert.All([first, again, .. atOnce], r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await _learning.DbAsync(db => db.TaskFeedbacks.CountAsync(f => f.TaskAnswerId == id)));
        Assert.Equal(1, await _learning.DbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == p.Email && m.Category == TaskFeedbackMails.Category)));

        await trainer.PostFormAsync($"/Trainer/Answer/{id}", new Dictionary<string, string> { ["feedback"] = "Vielä yksi huomio.", ["decision"] = "return" });
        Assert.Equal(2, await _learning.DbAsync(db => db.TaskFeedbacks.CountAsync(f => f.TaskAnswerId == id))); // new feedback still counts
    }

    [Fact]
    public async Task Feedback_that_is_empty_or_too_long_is_refused_with_the_text_kept_and_nothing_mailed()
    {
        var p = await _learning.ParticipantAsync();
        await p.TaskAsync(LearningSite.LongAnswer, submit: true);
        var trainer = await TrainerAsync();
        var id = await AnswerIdAsync(p.UserId);

        var empty = await trainer.PostFormAsync($"/Trainer/Answer/{id}", new Dictionary<string, string> { ["feedback"] = "  ", ["decision"] = "return" });
        var longCriterion = await trainer.PostFormAsync($"/Trainer/Answer/{id}", new Dictionary<string, string>
        {
            ["feedback"] = "Yleinen palaute säilyy.", ["criterion"] = new string('x', TaskLimits.MaxCriterionCommentLength + 1), ["decision"] = "return",
        });
        var longFeedback = await trainer.PostFormAsync($"/Trainer/Answer/{id}", new Dictionary<string, string> { ["feedback"] = new string('y', 20_001) });

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Kirjoita palaute ennen tallentamista.", await empty.Content.ReadAsStringAsync());
        var body = await longCriterion.Content.ReadAsStringAsync();
        Assert.Contains("Kriteerikohtainen palaute on liian pitkä", body);
        Assert.Contains("Yleinen palaute säilyy.", body);
        Assert.Contains("Palaute on liian pitkä", await longFeedback.Content.ReadAsStringAsync());
        Assert.Equal(TaskReviewState.Submitted, (await AnswerAsync(p.UserId)).ReviewState);
        Assert.Equal(0, await _learning.DbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == p.Email && m.Category == TaskFeedbackMails.Category)));
    }

    [Fact]
    public async Task The_task_list_filters_by_course_cohort_and_state_and_keeps_other_courses_out()
    {
        _learning.Write("toinen/course.yml", "title: Toinen kurssi\nsummary: Kuvaus.\nlanguage: fi\ncredits: 1\nhours: 27\nversion: \"1\"\noutcomes:\n  - Osaat.\ntrainers:\n  - joku.muu@example.fi\n");
        _learning.Write("toinen/01-alku/module.yml", "title: Alku\n");
        _learning.Write("toinen/01-alku/01-tehtava.md", "---\ntitle: Tehtävä\n---\n\n::: task toinen-tehtava minlength=10\nKirjoita.\n:::\n");
        _learning.Reload();
        var inCohort = await _learning.ParticipantAsync(fullName: "Kerttu Kohortissa");
        var outside = await _learning.ParticipantAsync(fullName: "Ulla Ulkopuolinen");
        await inCohort.TaskAsync(LearningSite.LongAnswer, submit: true);
        await outside.TaskAsync(LearningSite.LongAnswer, submit: true);
        var cohortId = await PeerFeedbackTests.CohortAsync(_learning, "Syksyn ryhmä", "kurssi", inCohort.UserId);
        var otherCohort = await PeerFeedbackTests.CohortAsync(_learning, "Toisen kurssin ryhmä", "toinen", outside.UserId);
        var trainer = await TrainerAsync();

        var all = await trainer.GetStringAsync("/Trainer/Tasks?show=all");
        var cohort = await trainer.GetStringAsync($"/Trainer/Tasks?show=all&course=kurssi&cohort={cohortId}");
        var guessed = await trainer.GetStringAsync($"/Trainer/Tasks?show=all&cohort={otherCohort}");
        var accepted = await trainer.GetStringAsync("/Trainer/Tasks?show=accepted");

        Assert.Contains("Kerttu Kohortissa", all);
        Assert.Contains("Ulla Ulkopuolinen", all);
        Assert.DoesNotContain("Toinen kurssi", all); // a course listing other trainers is not this trainer's
        Assert.DoesNotContain("Toisen kurssin ryhmä", all);
        Assert.Contains("Syksyn ryhmä", all);
        Assert.Contains("Kerttu Kohortissa", cohort);
        Assert.DoesNotContain("Ulla Ulkopuolinen", cohort);
        Assert.Contains("Ulla Ulkopuolinen", guessed); // another course's cohort id filters nothing and reveals nothing
        Assert.DoesNotContain("Kerttu Kohortissa", accepted);
        Assert.Equal(HttpStatusCode.OK, (await trainer.GetAsync("/Trainer/Tasks?show=%3Cscript%3E&course=..%2F&cohort=abc&p=-5")).StatusCode);
    }

    [Fact]
    public async Task Deciding_on_an_answer_opened_from_a_filtered_list_returns_to_that_same_list()
    {
        var p = await _learning.ParticipantAsync(fullName: "Kerttu Kohortissa");
        await p.TaskAsync(LearningSite.LongAnswer, submit: true);
        var cohortId = await PeerFeedbackTests.CohortAsync(_learning, "Syksyn ryhmä", "kurssi", p.UserId);
        var trainer = await TrainerAsync();
        var filtered = $"/Trainer/Tasks?show=all&course=kurssi&cohort={cohortId}";

        var list = await trainer.GetStringAsync(filtered);
        var answerUrl = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(list, "href=\"(/Trainer/Answer/[^\"]+)\"").Groups[1].Value);
        var page = await trainer.GetStringAsync(answerUrl);
        var decided = await trainer.PostFormAsync(answerUrl, new Dictionary<string, string> { ["feedback"] = "Hyvä.", ["decision"] = "return" });

        Assert.Contains($"cohort={cohortId}", answerUrl);
        Assert.Contains($"<a href=\"{WebUtility.HtmlEncode(filtered)}\">Palautetut kehittämistehtävät</a>", page);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Equal(filtered, decided.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Another_participant_cannot_open_or_decide_on_an_answer_and_a_missing_one_is_not_found()
    {
        var b = await _learning.ParticipantAsync();
        await b.TaskAsync(LearningSite.LongAnswer, submit: true);
        var id = await AnswerIdAsync(b.UserId);
        var a = await _learning.ParticipantAsync();
        var trainer = await TrainerAsync();

        var read = await a.Client.GetAsync($"/Trainer/Answer/{id}");
        var decide = await a.Client.PostFormAsync($"/Trainer/Answer/{id}", new Dictionary<string, string> { ["feedback"] = "Hyväksyn itse.", ["decision"] = "accept" },
            formUrl: "/courses/kurssi/alku/oma-tyo");

        Assert.StartsWith("/Account/AccessDenied", read.Headers.Location?.PathAndQuery);
        Assert.True(decide.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden);
        Assert.StartsWith("/Account/AccessDenied", decide.Headers.Location?.PathAndQuery ?? "/Account/AccessDenied");
        Assert.Equal(TaskReviewState.Submitted, (await AnswerAsync(b.UserId)).ReviewState);
        Assert.Equal(HttpStatusCode.NotFound, (await trainer.GetAsync($"/Trainer/Answer/{id + 1000}")).StatusCode);
    }

    [Fact]
    public async Task The_task_list_pages_fifty_at_a_time_keeping_the_filters()
    {
        await _learning.DbAsync(async db =>
        {
            var start = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
            for (var i = 1; i <= TaskReview.PageSize + 5; i++)
            {
                var user = new Web.Data.AppUser { UserName = $"sivu{i}@example.fi", Email = $"sivu{i}@example.fi", FullName = $"Sivutettu {i:D2}" };
                db.Users.Add(user);
                db.TaskAnswers.Add(new TaskAnswer
                {
                    UserId = user.Id, CourseId = "kurssi", TaskId = "kanavakartta", Text = LearningSite.LongAnswer,
                    SavedAtUtc = start.AddMinutes(i), SubmittedAtUtc = start.AddMinutes(i), VersionCount = 1,
                });
            }

            return await db.SaveChangesAsync();
        });
        var trainer = await TrainerAsync();

        var first = await trainer.GetStringAsync("/Trainer/Tasks?show=new&course=kurssi");
        var second = await trainer.GetStringAsync("/Trainer/Tasks?show=new&course=kurssi&p=2");

        Assert.Contains("Sivu 1/2", first);
        Assert.Contains("Sivutettu 01", first); // oldest first
        Assert.DoesNotContain("Sivutettu 51", first);
        Assert.Contains("p=2", first);
        Assert.Contains("show=new", first[(first.IndexOf("Seuraava sivu", StringComparison.Ordinal) - 200)..]);
        Assert.Contains("Sivu 2/2", second);
        Assert.Contains("Sivutettu 55", second);
        Assert.DoesNotContain("Sivutettu 50", second);
    }

    private async Task<HttpClient> TrainerAsync()
    {
        var email = $"kouluttaja-{Guid.NewGuid():N}@example.fi";
        await TestUsers.CreateAsync(_learning.Site.Services, email, "Kalle Kouluttaja", Roles.Trainer);
        var trainer = _learning.Site.CreateBrowserLikeClient();
        await trainer.SignInAsync(email, TestUsers.Password);
        return trainer;
    }

    private Task<int> AnswerIdAsync(string userId) => _learning.DbAsync(db => db.TaskAnswers.Where(t => t.UserId == userId).Select(t => t.Id).SingleAsync());

    private Task<TaskAnswer> AnswerAsync(string userId) => _learning.DbAsync(db => db.TaskAnswers.AsNoTracking().SingleAsync(t => t.UserId == userId));
}
