using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Learning;

/// <summary>
/// Peer feedback on a `peer=2` task with several participants: stable assignment that never includes one's own
/// answer and spreads over the answers, the cohort first, hidden names, feedback seen by the author and the trainer,
/// completion waiting for it when required, and nobody reaching assignments that are not theirs.
/// </summary>
public sealed partial class PeerFeedbackTests : IDisposable
{
    private const string PeerUrl = "/courses/kurssi/alku/oma-tyo/peer/kanavakartta";

    private readonly LearningSite _learning = new();

    public PeerFeedbackTests() => UsePeerTask("peer=2 peer-required=true");

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task Answers_are_assigned_stably_never_ones_own_spread_over_all_and_names_stay_hidden()
    {
        var anna = await SubmittedAsync("Anna Aaltonen", "A");
        var alone = await anna.Client.GetStringAsync(PeerUrl);
        Assert.Contains("Muita vastauksia on vielä vähän: sait nyt 0/2", alone);

        var others = new List<LearningSite.Participant>();
        foreach (var (name, letter) in new[] { ("Bertta Berg", "B"), ("Cecilia Creutz", "C"), ("Daniel Dahl", "D") })
        {
            others.Add(await SubmittedAsync(name, letter));
        }

        var first = await anna.Client.GetStringAsync(PeerUrl);
        var again = await anna.Client.GetStringAsync(PeerUrl);
        foreach (var p in others)
        {
            await p.Client.GetStringAsync(PeerUrl);
        }

        Assert.Equal(AssignmentIds(first), AssignmentIds(again));
        Assert.Equal(2, AssignmentIds(first).Count);
        Assert.DoesNotContain(AnswerOf("A"), first);
        Assert.Contains("Vastaus 1", first);
        foreach (var name in new[] { "Bertta", "Cecilia", "Daniel", "Berg", "Creutz", "Dahl" })
        {
            Assert.DoesNotContain(name, first);
        }

        var reviews = await _learning.DbAsync(db => db.PeerReviews.AsNoTracking()
            .Join(db.TaskAnswers, r => r.TaskAnswerId, a => a.Id, (r, a) => new { r.ReviewerUserId, AuthorId = a.UserId }).ToListAsync());
        Assert.Equal(8, reviews.Count);
        Assert.DoesNotContain(reviews, r => r.ReviewerUserId == r.AuthorId);
        var perAnswer = reviews.GroupBy(r => r.AuthorId).Select(g => g.Count()).ToList();
        Assert.Equal(4, perAnswer.Count); // every answer gets feedback, even the last submitted
        Assert.True(perAnswer.Max() - perAnswer.Min() <= 2, string.Join(",", perAnswer));
    }

    [Fact]
    public async Task Feedback_reaches_the_author_without_names_the_trainer_with_names_and_completion_waits_for_it()
    {
        var anna = await SubmittedAsync("Anna Aaltonen", "A");
        var bertta = await SubmittedAsync("Bertta Berg", "B");
        var cecilia = await SubmittedAsync("Cecilia Creutz", "C");
        await anna.CompleteAllAsync(); // everything else, the task resubmitted with another text
        Assert.Equal(0, await _learning.CompletionsAsync(anna.UserId));
        var ids = AssignmentIds(await anna.Client.GetStringAsync(PeerUrl));

        var tooShort = await anna.Client.PostFormAsync(PeerUrl, new Dictionary<string, string> { ["assignmentId"] = ids[0], ["text"] = "Hyvä." });
        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        Assert.Contains("Kirjoita vähintään 20 merkkiä; nyt palautteessa on 5.", await tooShort.Content.ReadAsStringAsync());
        var thumbs = await anna.Client.PostFormAsync(PeerUrl, new Dictionary<string, string> { ["assignmentId"] = ids[0], ["text"] = string.Concat(Enumerable.Repeat("👍", 10)) });
        Assert.Contains("Kirjoita vähintään 20 merkkiä; nyt palautteessa on 10.", await thumbs.Content.ReadAsStringAsync());
        var tooLong = await anna.Client.PostFormAsync(PeerUrl, new Dictionary<string, string> { ["assignmentId"] = ids[0], ["text"] = new string('x', 2001) });
        Assert.Contains("enintään 2000 merkkiä, nyt 2001", await tooLong.Content.ReadAsStringAsync());
        var saved = await anna.Client.PostFormAsync(PeerUrl, new Dictionary<string, string> { ["assignmentId"] = ids[0], ["text"] = "Selkeä kartta, lisäisin vielä varasuunnitelman." });
        Assert.Equal($"{PeerUrl}#peer-{ids[0]}", saved.Headers.Location?.OriginalString); // back at the answer just commented
        Assert.Equal(0, await _learning.CompletionsAsync(anna.UserId)); // one of two
        await anna.Client.PostFormAsync(PeerUrl, new Dictionary<string, string> { ["assignmentId"] = ids[1], ["text"] = "Hyvin perusteltu kanavien valinta asiakkaille." });
        Assert.Equal(1, await _learning.CompletionsAsync(anna.UserId)); // issued by the feedback that met the last requirement

        var authors = await _learning.DbAsync(db => db.PeerReviews.Where(r => r.ReviewerUserId == anna.UserId)
            .Join(db.TaskAnswers, r => r.TaskAnswerId, a => a.Id, (r, a) => new { a.UserId, a.Id, r.Text }).ToListAsync());
        var reviewed = authors.Single(x => x.Text!.StartsWith("Selkeä", StringComparison.Ordinal));
        var author = reviewed.UserId == bertta.UserId ? bertta : cecilia;
        var lesson = await author.Client.GetStringAsync("/courses/kurssi/alku/oma-tyo");
        Assert.Contains("Selkeä kartta, lisäisin vielä varasuunnitelman.", lesson);
        Assert.Contains("Vertaispalaute 1", lesson);
        Assert.DoesNotContain("Anna Aaltonen", lesson);

        await TestUsers.CreateAsync(_learning.Site.Services, "kouluttaja@example.fi", "Kalle Kouluttaja", Roles.Trainer);
        var trainer = _learning.Site.CreateBrowserLikeClient();
        await trainer.SignInAsync("kouluttaja@example.fi", TestUsers.Password);
        var answerPage = await trainer.GetStringAsync($"/Trainer/Answer/{reviewed.Id}");
        Assert.Contains("Selkeä kartta, lisäisin vielä varasuunnitelman.", answerPage);
        Assert.Contains("Anna Aaltonen", answerPage);
        var annasPage = await trainer.GetStringAsync($"/Trainer/Answer/{await AnswerIdAsync(anna.UserId)}");
        Assert.Contains("Hyvin perusteltu kanavien valinta asiakkaille.", annasPage); // what Anna gave, too
    }

    [Fact]
    public async Task Refused_feedback_is_read_with_its_field_the_error_named_by_aria_describedby()
    {
        var anna = await SubmittedAsync("Anna Aaltonen", "A");
        await SubmittedAsync("Bertta Berg", "B");
        var id = AssignmentIds(await anna.Client.GetStringAsync(PeerUrl))[0];

        var tooShort = await anna.Client.PostFormAsync(PeerUrl, new Dictionary<string, string> { ["assignmentId"] = id, ["text"] = "Hyvä." });

        var page = WebUtility.HtmlDecode(await tooShort.Content.ReadAsStringAsync());
        Assert.Matches($"aria-describedby=\"peer-{id}-text-hint peer-{id}-text-error\"\\s+aria-invalid=\"true\"", page);
        Assert.Contains($"<p class=\"field-error\" role=\"alert\" id=\"peer-{id}-text-error\">Kirjoita vähintään 20 merkkiä", page);
    }

    [Fact]
    public async Task Until_the_required_peer_feedback_is_given_no_page_calls_the_course_complete()
    {
        var anna = await SubmittedAsync("Anna Aaltonen", "A");
        await SubmittedAsync("Bertta Berg", "B");
        await SubmittedAsync("Cecilia Creutz", "C");
        await anna.CompleteAllAsync(); // both lessons read, the quiz passed, the task submitted: 4 of 5 requirements
        await TestUsers.CreateAsync(_learning.Site.Services, "admin@example.fi", "Anni Admin", Roles.Admin);
        var admin = _learning.Site.CreateBrowserLikeClient();
        await admin.SignInAsync("admin@example.fi", TestUsers.Password);

        var course = await anna.Client.GetStringAsync("/courses/kurssi");
        Assert.Contains("value=\"80\"", course);
        Assert.DoesNotContain("Suoritit koulutuksen", course);
        Assert.Contains("<a class=\"button\" href=\"/courses/kurssi/alku/oma-tyo\">Jatka", course); // to the task whose peer feedback is missing
        Assert.Contains("Suoritettu 80 %", await anna.Client.GetStringAsync("/courses"));
        Assert.Contains("Olet antanut vertaispalautetta 0/2 vastauksesta.", await anna.Client.GetStringAsync("/courses/kurssi/alku/oma-tyo"));
        Assert.Contains("<td>80 %</td>", await admin.GetStringAsync("/Coordination/Reports?course=kurssi&sort=name"));
        var progress = await admin.GetStringAsync($"/Coordination/Progress/kurssi/{anna.UserId}");
        Assert.Contains("<dd>80 %</dd>", progress);
        Assert.Contains("<td>0/2</td>", progress);

        foreach (var id in AssignmentIds(await anna.Client.GetStringAsync(PeerUrl)))
        {
            await anna.Client.PostFormAsync(PeerUrl, new Dictionary<string, string> { ["assignmentId"] = id, ["text"] = "Selkeä ja hyvin perusteltu kanavakartta." });
        }

        Assert.Equal(1, await _learning.CompletionsAsync(anna.UserId));
        Assert.Contains("value=\"100\"", await anna.Client.GetStringAsync("/courses/kurssi"));
        Assert.Contains("<td>2/2</td>", await admin.GetStringAsync($"/Coordination/Progress/kurssi/{anna.UserId}"));
    }

    [Fact]
    public async Task Feedback_given_outlives_the_answer_when_its_author_deletes_their_account()
    {
        // Before, another person's deletion took the reviewer's feedback with it: gone from her data, the peer page
        // asked her for a new review, and a requirement she had met could be taken back.
        var anna = await SubmittedAsync("Anna Aaltonen", "A");
        var bertta = await SubmittedAsync("Bertta Berg", "B");
        var cecilia = await SubmittedAsync("Cecilia Creutz", "C");
        await anna.CompleteAllAsync();
        foreach (var id in AssignmentIds(await anna.Client.GetStringAsync(PeerUrl)))
        {
            await anna.Client.PostFormAsync(PeerUrl, new Dictionary<string, string> { ["assignmentId"] = id, ["text"] = "Selkeä ja hyvin perusteltu kanavakartta." });
        }

        Assert.Equal(1, await _learning.CompletionsAsync(anna.UserId));
        // Cecilia was assigned Bertta's answer and has not written anything yet: that assignment goes, another comes.
        Assert.Contains(AnswerOf("B"), await cecilia.Client.GetStringAsync(PeerUrl));

        var deleted = await bertta.Client.PostFormAsync("/Account/Manage/Delete", new Dictionary<string, string> { ["Password"] = TestUsers.Password });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        var page = WebUtility.HtmlDecode(await anna.Client.GetStringAsync(PeerUrl));
        Assert.Contains("Vastaus on poistettu, koska sen kirjoittaja poisti tilinsä.", page);
        Assert.DoesNotContain(AnswerOf("B"), page);
        Assert.Equal(2, Regex.Matches(page, "Selkeä ja hyvin perusteltu kanavakartta.").Count); // both feedbacks, one on the removed answer
        Assert.Single(AssignmentIds(page)); // only the feedback on a remaining answer can still be rewritten
        Assert.Equal(2, await _learning.DbAsync(db => db.PeerReviews.CountAsync(p => p.ReviewerUserId == anna.UserId && p.GivenAtUtc != null)));
        Assert.Contains("Olet antanut vertaispalautetta 2/2 vastauksesta.", await anna.Client.GetStringAsync("/courses/kurssi/alku/oma-tyo"));
        Assert.DoesNotContain(AnswerOf("B"), await cecilia.Client.GetStringAsync(PeerUrl));
        // The trainer reading Anna's task sees both feedbacks she gave, the one on the removed answer without a name.
        await TestUsers.CreateAsync(_learning.Site.Services, "kouluttaja@example.fi", "Kalle Kouluttaja", Roles.Trainer);
        var trainer = _learning.Site.CreateBrowserLikeClient();
        await trainer.SignInAsync("kouluttaja@example.fi", TestUsers.Password);
        var annas = WebUtility.HtmlDecode(await trainer.GetStringAsync($"/Trainer/Answer/{await AnswerIdAsync(anna.UserId)}"));
        Assert.Contains("Vastaukseen, jonka kirjoittaja on poistanut tilinsä", annas);
        Assert.Equal(2, Regex.Matches(annas, "Selkeä ja hyvin perusteltu kanavakartta.").Count);
    }

    [Fact]
    public async Task The_activity_grid_and_the_funnel_show_the_required_peer_feedback_as_a_requirement_of_its_own()
    {
        var anna = await SubmittedAsync("Anna Aaltonen", "A");
        await SubmittedAsync("Bertta Berg", "B");
        await SubmittedAsync("Cecilia Creutz", "C");
        var ids = AssignmentIds(await anna.Client.GetStringAsync(PeerUrl));
        await anna.Client.PostFormAsync(PeerUrl, new Dictionary<string, string> { ["assignmentId"] = ids[0], ["text"] = "Selkeä ja hyvin perusteltu kanavakartta." });
        await TestUsers.CreateAsync(_learning.Site.Services, "admin@example.fi", "Anni Admin", Roles.Admin);
        var admin = _learning.Site.CreateBrowserLikeClient();
        await admin.SignInAsync("admin@example.fi", TestUsers.Password);

        var grid = await admin.GetStringAsync("/Coordination/Grid?course=kurssi&sort=name");
        Assert.Contains("<span class=\"kind\">Vertaispalaute</span> <span lang=\"fi\">Oma työ</span>", grid);
        Assert.Contains("osa vertaispalautteista annettu", grid); // the legend says what ◐ means here
        var csv = await CsvRowsAsync(admin);
        Assert.EndsWith(";Tehtävä: Oma työ;Vertaispalaute: Oma työ", csv[0]);
        Assert.EndsWith(";Tehty;Aloitettu", csv.Single(r => r.StartsWith("Anna Aaltonen;", StringComparison.Ordinal))); // 1 of 2 given
        Assert.EndsWith(";Tehty;Ei tehty", csv.Single(r => r.StartsWith("Bertta Berg;", StringComparison.Ordinal)));
        var funnel = await admin.GetStringAsync("/Coordination/Reports?course=kurssi");
        Assert.Matches(@"<th scope=""row"">4\. Tehtävä: <span lang=""fi"">Oma työ</span></th><td>3</td>", funnel);   // submitted
        Assert.Matches(@"<th scope=""row"">5\. Vertaispalaute: <span lang=""fi"">Oma työ</span></th><td>0</td>", funnel);   // all peer feedback given

        await anna.Client.PostFormAsync(PeerUrl, new Dictionary<string, string> { ["assignmentId"] = ids[1], ["text"] = "Hyvin perusteltu kanavien valinta asiakkaille." });

        Assert.EndsWith(";Tehty;Tehty", (await CsvRowsAsync(admin)).Single(r => r.StartsWith("Anna Aaltonen;", StringComparison.Ordinal)));
        Assert.Matches(@"<th scope=""row"">5\. Vertaispalaute: <span lang=""fi"">Oma työ</span></th><td>1</td>", await admin.GetStringAsync("/Coordination/Reports?course=kurssi"));
    }

    private static async Task<List<string>> CsvRowsAsync(HttpClient client) =>
        (await client.GetStringAsync("/Coordination/Grid?course=kurssi&handler=Csv")).TrimStart('\uFEFF')
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

    [Fact]
    public async Task Nobody_reads_or_answers_an_assignment_that_is_not_theirs()
    {
        var anna = await SubmittedAsync("Anna Aaltonen", "A");
        var bertta = await SubmittedAsync("Bertta Berg", "B");
        await SubmittedAsync("Cecilia Creutz", "C");
        var annasIds = AssignmentIds(await anna.Client.GetStringAsync(PeerUrl));
        var berttasIds = AssignmentIds(await bertta.Client.GetStringAsync(PeerUrl));
        var stranger = await _learning.ParticipantAsync(fullName: "Sanna Submittaamaton");

        var forged = await bertta.Client.PostFormAsync(PeerUrl, new Dictionary<string, string> { ["assignmentId"] = annasIds[0], ["text"] = "Väärennetty palaute toisen puolesta." });
        var unsubmitted = await stranger.Client.GetStringAsync(PeerUrl);
        var unsubmittedPost = await stranger.Client.PostFormAsync(PeerUrl, new Dictionary<string, string> { ["assignmentId"] = annasIds[0], ["text"] = "Väärennetty palaute toisen puolesta." });
        var noPeerTask = await anna.Client.GetAsync("/courses/kurssi/alku/kanavat/peer/kanavakartta");
        var unknown = await anna.Client.GetAsync("/courses/kurssi/alku/oma-tyo/peer/ei-ole");
        var junk = await anna.Client.PostFormAsync(PeerUrl, new Dictionary<string, string> { ["assignmentId"] = "abc", ["text"] = "Tämä on riittävän pitkä palaute." });

        Assert.Empty(annasIds.Intersect(berttasIds));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Contains("Palauta ensin oma vastauksesi.", unsubmitted);
        Assert.DoesNotContain(AnswerOf("A"), unsubmitted);
        Assert.Equal(HttpStatusCode.NotFound, unsubmittedPost.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noPeerTask.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, junk.StatusCode);
        Assert.Equal(0, await _learning.DbAsync(db => db.PeerReviews.CountAsync(r => r.Text != null)));
    }

    [Fact]
    public async Task Names_are_shown_when_the_task_says_so()
    {
        UsePeerTask("peer=1 peer-names=shown");
        var anna = await SubmittedAsync("Anna Aaltonen", "A");
        await SubmittedAsync("Bertta Berg", "B");

        var page = await anna.Client.GetStringAsync(PeerUrl);

        Assert.Contains("Vastaus: Bertta Berg", page);
    }

    [Theory]
    [InlineData("fi", "1 kysymys.", "1 kysymystä", "yhden muun osallistujan vastauksesta", "Lue yhden muun osallistujan vastaus ja")]
    [InlineData("sv", "1 fråga.", "1 frågor", "på en annan deltagares svar", "Läs en annan deltagares svar och")]
    [InlineData("en", "1 question.", "1 questions", "on one other participant's answer", "Read one other participant's answer and")]
    public async Task Counts_of_one_are_said_in_the_singular(string language, string oneQuestion, string plural, string taskHint, string peerIntro)
    {
        UsePeerTask("peer=1");
        var anna = await SubmittedAsync("Anna Aaltonen", "A");
        await anna.Client.PostFormAsync("/Language", new Dictionary<string, string> { ["culture"] = language, ["returnUrl"] = "/" }, formUrl: "/");
        async Task<string> PageAsync(string url) => WebUtility.HtmlDecode(await anna.Client.GetStringAsync(url));

        var quiz = await PageAsync("/courses/kurssi/alku/kanavat"); // its quiz has one question
        Assert.Contains(oneQuestion, quiz);
        Assert.DoesNotContain(plural, quiz);
        Assert.Contains(taskHint, await PageAsync("/courses/kurssi/alku/oma-tyo"));
        Assert.Contains(peerIntro, await PageAsync(PeerUrl));
    }

    [Fact]
    public async Task The_own_cohort_comes_first_and_the_course_fills_in()
    {
        var bertta = await SubmittedAsync("Bertta Berg", "B");
        await SubmittedAsync("Daniel Dahl", "D");
        var cecilia = await SubmittedAsync("Cecilia Creutz", "C");
        var anna = await SubmittedAsync("Anna Aaltonen", "A");
        await CohortAsync(_learning, "Lapin ryhmä", "kurssi", anna.UserId, cecilia.UserId);

        var page = await anna.Client.GetStringAsync(PeerUrl);

        Assert.Contains(AnswerOf("C"), page); // the only other cohort member, though it was submitted after B and D
        Assert.Contains(AnswerOf("B"), page); // then the course, longest waiting first
        Assert.DoesNotContain(AnswerOf("D"), page);
        Assert.Equal(0, await _learning.DbAsync(db => db.PeerReviews.CountAsync(r => r.ReviewerUserId == bertta.UserId)));
    }

    /// <summary>A cohort of the course with the given people as accepted members.</summary>
    public static Task<int> CohortAsync(LearningSite learning, string name, string courseId, params string[] userIds) => learning.DbAsync(async db =>
    {
        var cohort = new Cohort
        {
            Name = name, CourseId = courseId, CreatedByUserId = userIds[0], CreatedAtUtc = DateTime.UtcNow,
            StartsOn = new DateOnly(2026, 9, 1), EndsOn = new DateOnly(2026, 12, 31),
        };
        db.Cohorts.Add(cohort);
        foreach (var id in userIds)
        {
            db.CohortMembers.Add(new CohortMember { Cohort = cohort, UserId = id, AddedAtUtc = DateTime.UtcNow });
        }

        await db.SaveChangesAsync();
        return cohort.Id;
    });

    private void UsePeerTask(string options)
    {
        _learning.Write("kurssi/01-alku/02-oma-tyo.md", $"""
            ---
            title: Oma työ
            minutes: 10
            ---

            :::: task kanavakartta minlength=40 {options}
            Kuvaa palvelusi kanavat.

            ::: rubric
            - Kartassa on jokainen kanava.
            :::
            ::::
            """);
        _learning.Reload();
    }

    private async Task<LearningSite.Participant> SubmittedAsync(string fullName, string letter)
    {
        var p = await _learning.ParticipantAsync(fullName: fullName);
        var response = await p.TaskAsync(AnswerOf(letter), submit: true);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return p;
    }

    /// <summary>A distinct answer text per participant, long enough for minlength=40 and without their name.</summary>
    private static string AnswerOf(string letter) => $"Kanavakartta numero {letter}{letter}{letter}: chat, puhelin ja video sekä varasuunnitelmat.";

    private Task<int> AnswerIdAsync(string userId) => _learning.DbAsync(db => db.TaskAnswers.Where(t => t.UserId == userId).Select(t => t.Id).SingleAsync());

    private static List<string> AssignmentIds(string html) => AssignmentPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("name=\"assignmentId\" value=\"(\\d+)\"")]
    private static partial Regex AssignmentPattern();
}
