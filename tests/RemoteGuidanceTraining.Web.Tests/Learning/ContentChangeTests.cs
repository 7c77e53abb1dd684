using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Learning;

public sealed class ContentChangeTests : IDisposable
{
    private const string NewLesson = "---\ntitle: Uusi oppitunti\n---\n\nLisätty myöhemmin.\n";

    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task A_participant_who_completed_stays_completed_when_a_lesson_is_added()
    {
        var p = await _learning.ParticipantAsync();
        await p.CompleteAllAsync();

        _learning.Write("kurssi/01-alku/03-uusi.md", NewLesson);
        _learning.Reload();

        Assert.Equal(1, await _learning.CompletionsAsync(p.UserId));
        var page = await p.Client.GetStringAsync("/courses/kurssi");
        Assert.Contains("Suoritit koulutuksen", page);
        Assert.Contains("value=\"100\"", page);
    }

    [Fact]
    public async Task A_participant_in_progress_gets_the_added_lesson_as_a_new_requirement()
    {
        var p = await _learning.ParticipantAsync();
        await p.DoneAsync("alku/kanavat");
        await p.AnswerQuizAsync("b");
        await p.TaskAsync(LearningSite.LongAnswer, submit: true);

        _learning.Write("kurssi/01-alku/03-uusi.md", NewLesson);
        _learning.Reload();
        await p.DoneAsync("alku/oma-tyo");

        Assert.Equal(0, await _learning.CompletionsAsync(p.UserId));
        await p.DoneAsync("alku/uusi");
        Assert.Equal(1, await _learning.CompletionsAsync(p.UserId));
    }

    [Fact]
    public async Task A_removed_lesson_no_longer_counts()
    {
        _learning.Write("kurssi/01-alku/03-uusi.md", NewLesson);
        _learning.Reload();
        var p = await _learning.ParticipantAsync();
        await p.CompleteAllAsync();
        Assert.Equal(0, await _learning.CompletionsAsync(p.UserId));

        _learning.Delete("kurssi/01-alku/03-uusi.md");
        _learning.Reload();

        // Re-checked when the catalog changes (in the background), not on page views: wait for it with a deadline.
        await Eventually.TrueAsync(async () => await _learning.CompletionsAsync(p.UserId) > 0, "the completion after the reload", 20_000);

        Assert.Equal(1, await _learning.CompletionsAsync(p.UserId));
        var page = await p.Client.GetStringAsync("/courses/kurssi");
        Assert.Contains("Suoritit koulutuksen", page);
    }

    [Fact]
    public async Task Reading_lessons_alone_never_completes_a_course()
    {
        var p = await _learning.ParticipantAsync();
        await p.DoneAsync("alku/kanavat");
        await p.AnswerQuizAsync("b");
        await p.Client.GetAsync("/courses/kurssi/alku/oma-tyo");
        await p.Client.GetAsync("/courses/kurssi/alku/kanavat");

        Assert.Equal(0, await _learning.CompletionsAsync(p.UserId));
    }

    [Fact]
    public async Task An_answer_to_a_changed_question_is_not_reused()
    {
        var p = await _learning.ParticipantAsync();
        await p.DoneAsync("alku/kanavat");
        await p.AnswerQuizAsync("b");

        _learning.Write("kurssi/01-alku/01-kanavat.md", LearningSite.LessonOne
            .Replace("- [ ] Sähköposti\n- [x] Video", "- [x] Sähköposti\n- [x] Video", StringComparison.Ordinal));
        _learning.Reload();
        await p.TaskAsync(LearningSite.LongAnswer, submit: true);
        await p.DoneAsync("alku/oma-tyo");

        Assert.Equal(0, await _learning.CompletionsAsync(p.UserId));
        var page = await p.Client.GetStringAsync("/courses/kurssi/alku/kanavat");
        Assert.DoesNotContain("Hyväksytty.", page);
        Assert.Equal(1, await _learning.DbAsync(db => db.QuizAttempts.CountAsync(a => a.UserId == p.UserId)));
    }

    [Fact]
    public async Task A_participant_whose_quiz_changed_is_told_why_the_result_is_gone()
    {
        const string Notice = "Tietovisan kysymyksiä on muutettu sen jälkeen, kun vastasit niihin.";
        var answered = await _learning.ParticipantAsync();
        await answered.AnswerQuizAsync("b");
        var untouched = await _learning.ParticipantAsync();

        _learning.Write("kurssi/01-alku/01-kanavat.md", LearningSite.LessonOne
            .Replace("- [ ] Sähköposti\n- [x] Video", "- [x] Sähköposti\n- [x] Video", StringComparison.Ordinal));
        _learning.Reload();

        Assert.Contains(Notice, await answered.Client.GetStringAsync("/courses/kurssi/alku/kanavat"));
        Assert.DoesNotContain(Notice, await untouched.Client.GetStringAsync("/courses/kurssi/alku/kanavat"));

        // Answering the changed questions gives a result of the current version, and the notice has done its job.
        await answered.AnswerQuizAsync("b");
        Assert.DoesNotContain(Notice, await answered.Client.GetStringAsync("/courses/kurssi/alku/kanavat"));
    }

    [Fact]
    public async Task Renaming_a_title_and_moving_a_lesson_keeps_progress()
    {
        var p = await _learning.ParticipantAsync();
        await p.DoneAsync("alku/kanavat");

        _learning.Write("kurssi/01-alku/01-kanavat.md", LearningSite.LessonOne.Replace("title: Kanavat", "title: Kanavat ja niiden valinta", StringComparison.Ordinal));
        _learning.Write("kurssi/02-jatko/module.yml", "title: Jatko\n");
        _learning.Move("kurssi/01-alku/02-oma-tyo.md", "kurssi/02-jatko/01-oma-tyo.md");
        _learning.Reload();

        var page = await p.Client.GetStringAsync("/courses/kurssi");
        Assert.Contains("Kanavat ja niiden valinta", page);
        Assert.Contains("/courses/kurssi/jatko/oma-tyo", page);
        var moved = await p.Client.GetAsync("/courses/kurssi/alku/oma-tyo");
        Assert.Equal("/courses/kurssi/jatko/oma-tyo", moved.Headers.Location?.OriginalString);
        Assert.Contains("Suoritettu 25 %", page); // 1 of 4 requirements: two lessons, a quiz, a task
    }
}
