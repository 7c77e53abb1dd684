namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>One submitted version of a task answer, kept so that participant and trainer see how the answer grew.</summary>
public class TaskAnswerVersion
{
    public int Id { get; set; }

    public int TaskAnswerId { get; set; }

    public TaskAnswer? Answer { get; set; }

    /// <summary>1 for the first submission, then 2, 3 …</summary>
    public int Number { get; set; }

    public string Text { get; set; } = "";

    public DateTime SubmittedAtUtc { get; set; }
}

/// <summary>One feedback of a trainer on a task answer: the decision, a general comment and, when the task has a rubric, a comment per criterion.</summary>
public class TaskFeedback
{
    public int Id { get; set; }

    public int TaskAnswerId { get; set; }

    /// <summary>The version the feedback was given on.</summary>
    public int VersionNumber { get; set; }

    public string? ByUserId { get; set; }

    public DateTime GivenAtUtc { get; set; }

    public TaskReviewState Decision { get; set; }

    public string Text { get; set; } = "";

    /// <summary>JSON array of {criterion, comment}: the criteria as plain text when the feedback was given (a rubric may change later).</summary>
    public string? CriteriaJson { get; set; }
}

/// <summary>
/// A participant asked to give feedback on another participant's answer (assigned once, so the same answers come
/// back on reload), and the feedback once given.
/// </summary>
public class PeerReview
{
    public int Id { get; set; }

    /// <summary>
    /// The answer being reviewed; null once its author deleted their account. Feedback already given then stays the
    /// reviewer's, still counted for their peer-feedback requirement, without the answer or its author.
    /// </summary>
    public int? TaskAnswerId { get; set; }

    public string ReviewerUserId { get; set; } = "";

    public string CourseId { get; set; } = "";

    public string TaskId { get; set; } = "";

    public DateTime AssignedAtUtc { get; set; }

    public string? Text { get; set; }

    public DateTime? GivenAtUtc { get; set; }
}
