using System.Runtime.CompilerServices;

namespace RemoteGuidanceTraining.Courses.Model;

/// <summary>
/// A rendered lesson. Quizzes and tasks appear in <see cref="Html"/> as placeholders,
/// <c>&lt;div class="rgt-quiz" data-quiz-id="…"&gt;&lt;/div&gt;</c> and <c>&lt;div class="rgt-task" data-task-id="…"&gt;&lt;/div&gt;</c>;
/// <see cref="Segments"/> is the same lesson cut at them, which the site fills with forms for the signed-in participant.
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
    int WordCount)
{
    private readonly IReadOnlyList<LessonSegment>? _segments;

    /// <summary>The lesson in reading order: HTML, then a quiz or task where its placeholder stood, and so on.</summary>
    public IReadOnlyList<LessonSegment> Segments
    {
        get => _segments ?? [LessonSegment.Of(Html)];
        init => _segments = value;
    }
}

/// <summary>One piece of a lesson: exactly one of <see cref="Html"/> (sanitised), <see cref="Quiz"/> or <see cref="Task"/>.</summary>
public sealed record LessonSegment(string? Html, Quiz? Quiz, CourseTask? Task)
{
    public static LessonSegment Of(string html) => new(html, null, null);

    public static LessonSegment Of(Quiz quiz) => new(null, quiz, null);

    public static LessonSegment Of(CourseTask task) => new(null, null, task);
}

/// <summary>A quiz; <c>Title</c> is the readable name trainers and coordinators see (`title="…"`, default: the lesson title).</summary>
public sealed record Quiz(string Id, int PassMark, IReadOnlyList<Question> Questions, string Title)
{
    // Kept outside the record, so equality stays that of its values; a copy made with `with` is a new key.
    private static readonly ConditionalWeakTable<Quiz, string> _hashes = [];

    /// <summary>
    /// Changes whenever any question's content changes: attempts are only valid for the hash they were made against.
    /// Computed once per quiz object: progress compares it with every attempt on every lesson view.
    /// </summary>
    public string ContentHash => _hashes.GetValue(this, quiz => Hashing.Sha256(string.Join("|", quiz.Questions.Select(q => q.Id + ":" + q.ContentHash))));
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

/// <summary>
/// A development task: instructions, a minimum answer length and the criteria its feedback is based on.
/// <c>Title</c> is the readable name trainers and coordinators see (`title="…"`, default: the lesson title);
/// <c>Hours</c> the time the development work itself takes (`hours=`, default 1), counted in the course's extent;
/// <c>Rubric</c> the sanitised inline HTML of each criterion of the `::: rubric` list, empty when the task has none.
/// </summary>
public sealed record CourseTask(string Id, string PromptHtml, int MinLength, string Title, decimal Hours, IReadOnlyList<string> Rubric)
{
    /// <summary>`review=required`: the task counts for completion only once a trainer has accepted the answer.</summary>
    public bool ReviewRequired { get; init; }

    /// <summary>`peer=N`: after submitting, each participant gives feedback on N others' answers (0 = no peer feedback).</summary>
    public int Peer { get; init; }

    /// <summary>`peer-required=true`: completion also waits until the participant has given their N peer feedbacks.</summary>
    public bool PeerRequired { get; init; }

    /// <summary>`peer-names=shown`: peers see each other's names; by default (hidden) they see numbered answers only.</summary>
    public bool PeerNamesShown { get; init; }
}
