namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>
/// A participant's answer to a development task: a draft until submitted; a trainer may then accept it or return it
/// for revision. The row holds the current text and the latest feedback; every submitted version is a
/// <see cref="TaskAnswerVersion"/> and every feedback a <see cref="TaskFeedback"/>.
/// </summary>
public class TaskAnswer
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public string CourseId { get; set; } = "";

    public string TaskId { get; set; } = "";

    public string Text { get; set; } = "";

    public DateTime SavedAtUtc { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    public string? Feedback { get; set; }

    public string? FeedbackByUserId { get; set; }

    public DateTime? FeedbackAtUtc { get; set; }

    public TaskReviewState ReviewState { get; set; }

    /// <summary>How many versions have been submitted (the number of the current one).</summary>
    public int VersionCount { get; set; }
}
