using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Pages.Courses;

/// <summary>A quiz as one participant sees it: their last attempt's answers and feedback, and their best score.</summary>
public sealed record QuizView(Quiz Quiz, CourseProgress Progress, bool JustAnswered)
{
    public QuizAttempt? Last { get; } = Progress.LastAttempt(Quiz);

    /// <summary>Untaken in its current version but answered before it changed: the page says why the result is gone.</summary>
    public bool ChangedSinceAnswered => Last is null && Progress.AnsweredEarlierVersion(Quiz);

    public IReadOnlyDictionary<string, QuizScoring.RecordedAnswer> LastAnswers =>
        Last is null ? new Dictionary<string, QuizScoring.RecordedAnswer>() : QuizScoring.AnswersOf(Last).ToDictionary(a => a.QuestionId);
}

public sealed record TaskView(CourseTask Task, TaskAnswer? Answer, string? Error, string? Draft, ParticipantTaskExtras? Extras = null)
{
    public string Text => Draft ?? Answer?.Text ?? "";

    public ParticipantTaskExtras More => Extras ?? ParticipantTaskExtras.None;

    public bool IsSubmitted => Answer?.SubmittedAtUtc is not null;

    /// <summary>A `review=required` answer the trainer accepted is final: no form, so nothing can undo the acceptance.</summary>
    public bool IsFinal => Task.ReviewRequired && Answer is { SubmittedAtUtc: not null, ReviewState: TaskReviewState.Accepted };
}
