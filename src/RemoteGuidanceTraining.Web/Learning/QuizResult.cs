namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>
/// One participant's standing in one version of a quiz: the best score, whether any attempt passed, and which
/// attempt was the last. Kept up to date in the same transaction as every attempt (as Moodle keeps quiz_grades
/// next to its attempts), so pages and completion read one row per quiz however many times someone retries,
/// instead of aggregating every attempt on each request.
/// </summary>
public class QuizResult
{
    public string UserId { get; set; } = "";

    public string CourseId { get; set; } = "";

    public string QuizId { get; set; } = "";

    /// <summary>The quiz's content hash at the time (see <see cref="QuizAttempt.QuizHash"/>): a changed quiz starts a new result.</summary>
    public string QuizHash { get; set; } = "";

    public int BestScorePercent { get; set; }

    public bool Passed { get; set; }

    public int LastAttemptId { get; set; }

    public int Attempts { get; set; }

    public DateTime LastAtUtc { get; set; }
}
