using System.Text.Json;
using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>Scores a submitted quiz on the server. Answers arrive as form fields named "q.&lt;question id&gt;".</summary>
public static class QuizScoring
{
    /// <summary>The longest text answer kept; the course's short answers are far shorter, and the input says the same.</summary>
    public const int TextAnswerMaxLength = 500;

    public static string FieldName(Question question) => "q." + question.Id;

    public static QuizAttempt Score(Quiz quiz, Func<string, IReadOnlyList<string>> answerOf)
    {
        var answers = quiz.Questions.Select(question =>
        {
            var given = Readable(question, answerOf(FieldName(question)));
            return new RecordedAnswer(question.Id, question.ContentHash, given, IsCorrect(question, given));
        }).ToList();
        var correct = answers.Count(a => a.Correct);
        var percent = quiz.Questions.Count == 0 ? 100 : (int)Math.Round(correct * 100.0 / quiz.Questions.Count, MidpointRounding.AwayFromZero);
        return new QuizAttempt
        {
            QuizId = quiz.Id,
            QuizHash = quiz.ContentHash,
            Correct = correct,
            Total = quiz.Questions.Count,
            ScorePercent = percent,
            Passed = percent >= quiz.PassMark,
            AnswersJson = JsonSerializer.Serialize(answers),
        };
    }

    /// <summary>
    /// The posted values a question can have, so that what an attempt stores is bounded by the quiz itself: a choice
    /// question's own options, each once and at most one for a single choice; one text answer of at most
    /// <see cref="TextAnswerMaxLength"/> characters. Any other set (an option the question lacks, a repeat, two
    /// choices for one, a second text) is no answer: such a set never equalled the right options or a single text,
    /// so it was wrong before and stays wrong, and valid answers score as they did.
    /// </summary>
    public static IReadOnlyList<string> Readable(Question question, IReadOnlyList<string> posted)
    {
        var given = posted.Where(a => !string.IsNullOrWhiteSpace(a)).ToList();
        var readable = question.Type switch
        {
            QuestionType.Text => given.Count <= 1 && given.All(a => a.Length <= TextAnswerMaxLength),
            QuestionType.Single => given.Count <= 1 && given.All(a => question.Options.Any(o => o.Id == a)),
            _ => given.Count <= question.Options.Count && given.Distinct().Count() == given.Count && given.All(a => question.Options.Any(o => o.Id == a)),
        };
        return readable ? given : [];
    }

    public static IReadOnlyList<RecordedAnswer> AnswersOf(QuizAttempt attempt) =>
        JsonSerializer.Deserialize<List<RecordedAnswer>>(attempt.AnswersJson) ?? [];

    public static bool IsCorrect(Question question, IReadOnlyList<string> given) => question.Type switch
    {
        QuestionType.Text => given.Count == 1 && question.AcceptedAnswers.Any(a => Normalise(a) == Normalise(given[0])),
        _ => given.Order().SequenceEqual(question.Options.Where(o => o.IsCorrect).Select(o => o.Id).Order()),
    };

    /// <summary>Case, surrounding space and doubled spaces do not make a text answer wrong.</summary>
    private static string Normalise(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant().TrimEnd('.');

    public sealed record RecordedAnswer(string QuestionId, string Hash, IReadOnlyList<string> Given, bool Correct);
}
