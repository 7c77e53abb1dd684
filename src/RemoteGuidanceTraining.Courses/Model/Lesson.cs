namespace RemoteGuidanceTraining.Courses.Model;

/// <summary>
/// A rendered lesson. Quizzes and tasks appear in <see cref="Html"/> as placeholders,
/// <c>&lt;div class="rgt-quiz" data-quiz-id="…"&gt;&lt;/div&gt;</c> and <c>&lt;div class="rgt-task" data-task-id="…"&gt;&lt;/div&gt;</c>,
/// which the site fills with forms for the signed-in participant.
/// </summary>
public sealed record Lesson(
    string Id,
    string ModuleId,
    string Title,
    int Minutes,
    string Html,
    IReadOnlyList<Quiz> Quizzes,
    IReadOnlyList<CourseTask> Tasks,
    string SourceFile,
    int WordCount);

public sealed record Quiz(string Id, int PassMark, IReadOnlyList<Question> Questions)
{
    /// <summary>Changes whenever any question's content changes: attempts are only valid for the hash they were made against.</summary>
    public string ContentHash => Hashing.Sha256(string.Join("|", Questions.Select(q => q.Id + ":" + q.ContentHash)));
}

public enum QuestionType
{
    Single,
    Multiple,
    Text,
}

public sealed record QuestionOption(string Id, string Html, bool IsCorrect);

public sealed record Question(
    string Id,
    QuestionType Type,
    string PromptHtml,
    IReadOnlyList<QuestionOption> Options,
    IReadOnlyList<string> AcceptedAnswers,
    string ExplanationHtml,
    string ContentHash);

public sealed record CourseTask(string Id, string PromptHtml, int MinLength);
