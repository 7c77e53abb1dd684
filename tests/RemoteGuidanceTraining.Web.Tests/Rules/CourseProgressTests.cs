using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Rules;

/// <summary>
/// Progress rules as a table, on a course of two lessons: the first has a quiz, the second a development task.
/// Four requirements in all: each lesson read, the quiz passed, the task submitted.
/// </summary>
public sealed class CourseProgressTests
{
    private static readonly Quiz _quiz = new("visa", 70, [new("k", QuestionType.Single, "", [new("a", "", true)], [], "", "h")], "Visa");
    private static readonly CourseTask _task = new("tehtava", "", 10, "Tehtävä", 1, []);
    private static readonly Course _course = new()
    {
        Id = "kurssi", Folder = "/", Title = "Kurssi", Summary = "", Language = "fi", Credits = 1, Hours = 27, Version = "1",
        PassMark = 70, Outcomes = [], SourcesHtml = [], Trainers = [],
        Modules =
        [
            new("moduuli", 1, "Moduuli", [],
            [
                new Lesson("eka", "moduuli", "Eka", 5, "", [_quiz], [], "eka.md", 10),
                new Lesson("toka", "moduuli", "Toka", 5, "", [], [_task], "toka.md", 10),
            ]),
        ],
    };

    [Theory]
    [InlineData("", false, false, false, 0, "eka")]
    [InlineData("eka", false, false, false, 25, "eka")]
    [InlineData("eka", true, false, false, 50, "toka")]
    [InlineData("eka,toka", true, false, false, 75, "toka")]
    [InlineData("eka,toka", false, true, false, 75, "eka")]
    [InlineData("eka,toka", true, true, false, 100, null)]
    [InlineData("", false, false, true, 100, "eka")] // completed before lessons were added: stays at 100 %
    public void Percent_and_next_lesson_follow_the_requirements_met(
        string read, bool quizPassed, bool taskSubmitted, bool completed, int percent, string? next)
    {
        var progress = Progress(read, quizPassed ? _quiz.ContentHash : null, taskSubmitted, completed);

        Assert.Equal(percent, progress.Percent);
        Assert.Equal(next, progress.NextLesson?.Id);
        Assert.Equal(percent == 100 && !completed, progress.AllRequirementsMet);
    }

    [Fact]
    public void A_pass_against_questions_that_have_since_changed_no_longer_counts()
    {
        var progress = Progress("eka", passedAgainstHash: "vanha", taskSubmitted: false, completed: false);

        Assert.False(progress.IsQuizPassed(_quiz));
        Assert.Null(progress.BestScore(_quiz));
        Assert.Equal(25, progress.Percent);
    }

    private static CourseProgress Progress(string read, string? passedAgainstHash, bool taskSubmitted, bool completed)
    {
        var lessons = read.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        QuizAttempt[] attempts = passedAgainstHash is null ? []
            : [new QuizAttempt { QuizId = _quiz.Id, QuizHash = passedAgainstHash, ScorePercent = 100, Passed = true }];
        var answers = new Dictionary<string, TaskAnswer>
        {
            [_task.Id] = new() { TaskId = _task.Id, Text = "vastaus", SubmittedAtUtc = taskSubmitted ? new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) : null },
        };
        return new CourseProgress(_course, new Enrollment { CourseId = _course.Id }, lessons, attempts, answers,
            completed ? new CourseCompletion { CourseId = _course.Id } : null);
    }
}
