using System.Net;
using Microsoft.EntityFrameworkCore;

namespace RemoteGuidanceTraining.Web.Tests.Learning;

public sealed class CompletionRulesTests : IDisposable
{
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task All_requirements_met_completes_the_course_once_with_a_certificate()
    {
        var p = await _learning.ParticipantAsync();

        await p.CompleteAllAsync();

        Assert.Equal(1, await _learning.CompletionsAsync(p.UserId));
        var completion = await _learning.DbAsync(db => db.CourseCompletions.SingleAsync(c => c.UserId == p.UserId));
        Assert.Equal("1", completion.ContentVersion);
        Assert.Equal(1, await _learning.DbAsync(db => db.Certificates.CountAsync(c => c.UserId == p.UserId)));
        Assert.Contains("Suoritetut", await p.Client.GetStringAsync("/my-studies"));
    }

    [Fact]
    public async Task A_lesson_not_marked_done_keeps_the_course_open()
    {
        var p = await _learning.ParticipantAsync();

        await p.AnswerQuizAsync("b");
        await p.TaskAsync(LearningSite.LongAnswer, submit: true);
        await p.DoneAsync("alku/oma-tyo");

        Assert.Equal(0, await _learning.CompletionsAsync(p.UserId));
        await p.DoneAsync("alku/kanavat");
        Assert.Equal(1, await _learning.CompletionsAsync(p.UserId));
    }

    [Fact]
    public async Task A_failed_quiz_keeps_the_course_open_until_a_retry_passes_and_every_attempt_is_kept()
    {
        var p = await _learning.ParticipantAsync();
        await p.DoneAsync("alku/kanavat");
        await p.TaskAsync(LearningSite.LongAnswer, submit: true);
        await p.DoneAsync("alku/oma-tyo");

        await p.AnswerQuizAsync("a");
        Assert.Equal(0, await _learning.CompletionsAsync(p.UserId));
        Assert.Contains("Ei vielä hyväksytty", await p.Client.GetStringAsync("/courses/kurssi/alku/kanavat"));

        await p.AnswerQuizAsync("b");
        Assert.Equal(1, await _learning.CompletionsAsync(p.UserId));
        var attempts = await _learning.DbAsync(db => db.QuizAttempts.Where(a => a.UserId == p.UserId).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([false, true], attempts.Select(a => a.Passed));
        Assert.Equal([0, 100], attempts.Select(a => a.ScorePercent));
        Assert.All(attempts, a => Assert.Contains("synkroninen", a.AnswersJson));
    }

    [Fact]
    public async Task A_draft_does_not_count_a_short_answer_is_refused_without_losing_it_and_a_submitted_one_counts()
    {
        var p = await _learning.ParticipantAsync();
        await p.DoneAsync("alku/kanavat");
        await p.AnswerQuizAsync("b");
        await p.DoneAsync("alku/oma-tyo");

        await p.TaskAsync(LearningSite.LongAnswer, submit: false);
        Assert.Equal(0, await _learning.CompletionsAsync(p.UserId));

        var tooShort = await p.TaskAsync("Liian lyhyt vastaus.", submit: true);
        var page = await tooShort.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        Assert.Contains("vähintään 40 merkkiä", page);
        // Emoji count as one character each, as the writer sees them (they are two UTF-16 units: 30 used to pass).
        var emoji = await p.TaskAsync(string.Concat(Enumerable.Repeat("😀", 30)), submit: true);
        Assert.Contains("vähintään 40 merkkiä; nyt siinä on 30.", await emoji.Content.ReadAsStringAsync());
        Assert.Contains("Liian lyhyt vastaus.", page);
        Assert.Equal(0, await _learning.CompletionsAsync(p.UserId));

        await p.TaskAsync(LearningSite.LongAnswer, submit: true);
        Assert.Equal(1, await _learning.CompletionsAsync(p.UserId));
    }

    [Fact]
    public async Task Two_concurrent_requests_finishing_the_last_requirement_record_exactly_one_completion()
    {
        var p = await _learning.ParticipantAsync();
        await p.AnswerQuizAsync("b");
        await p.TaskAsync(LearningSite.LongAnswer, submit: true);
        await p.DoneAsync("alku/kanavat");

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => p.DoneAsync("alku/oma-tyo")));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await _learning.CompletionsAsync(p.UserId));
        Assert.Equal(1, await _learning.DbAsync(db => db.Certificates.CountAsync(c => c.UserId == p.UserId)));
        Assert.Equal(1, await _learning.DbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == p.Email && m.Category == "certificate")));
    }
}
