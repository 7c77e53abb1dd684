namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>
/// One submitted quiz, kept for good. <see cref="QuizHash"/> is the hash of the quiz's questions at the time;
/// an attempt counts towards completion only while the quiz still has that hash, so changed questions are never
/// scored with old answers.
/// </summary>
public class QuizAttempt
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public string CourseId { get; set; } = "";

    public string QuizId { get; set; } = "";

    public string QuizHash { get; set; } = "";

    public DateTime SubmittedAtUtc { get; set; }

    public int Correct { get; set; }

    public int Total { get; set; }

    public int ScorePercent { get; set; }

    public bool Passed { get; set; }

    /// <summary>JSON list of {questionId, hash, answer, correct}: what was answered, to show feedback and for audit.</summary>
    public string AnswersJson { get; set; } = "[]";
}
