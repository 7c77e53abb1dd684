using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Pages.Courses;

/// <summary>A quiz as one participant sees it: their last attempt's answers and feedback, and their best score.</summary>
public sealed record QuizView(Quiz Quiz, CourseProgress Progress, bool JustAnswered)
{
    public QuizAttempt? Last => Progress.LastAttempt(Quiz);

    public IReadOnlyDictionary<string, QuizScoring.RecordedAnswer> LastAnswers =>
        Last is null ? new Dictionary<string, QuizScoring.RecordedAnswer>() : QuizScoring.AnswersOf(Last).ToDictionary(a => a.QuestionId);
}

public sealed record TaskView(CourseTask Task, TaskAnswer? Answer, string? Error, string? Draft)
{
    public string Text => Draft ?? Answer?.Text ?? "";
}
