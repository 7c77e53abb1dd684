namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>A participant's answer to a development task: a draft until submitted; a trainer may then reply.</summary>
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
}
