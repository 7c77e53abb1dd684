using System.Text.Json;
using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>Scores a submitted quiz on the server. Answers arrive as form fields named "q.&lt;question id&gt;".</summary>
public static class QuizScoring
{
    public static string FieldName(Question question) => "q." + question.Id;

    public static QuizAttempt Score(Quiz quiz, Func<string, IReadOnlyList<string>> answerOf)
    {
        var answers = quiz.Questions.Select(question =>
        {
            var given = answerOf(FieldName(question)).Where(a => !string.IsNullOrWhiteSpace(a)).ToList();
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
