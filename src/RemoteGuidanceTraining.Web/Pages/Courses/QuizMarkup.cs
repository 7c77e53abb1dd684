using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Pages.Courses;

/// <summary>
/// A quiz's questions as HTML pieces, encoded once per quiz and interface language: everything in a question that is
/// the same for every participant. The quiz partial puts them together with what is theirs (which options they
/// chose, their text answer, whether it was right), so a lesson view writes a few strings per question instead of
/// encoding each attribute of each option again. A course reload makes new quiz objects, and with them new pieces.
/// </summary>
public sealed class QuizMarkup
{
    private static readonly ConditionalWeakTable<Quiz, ConcurrentDictionary<string, QuizMarkup>> _byQuiz = [];

    private QuizMarkup(IReadOnlyList<QuestionMarkup> questions) => Questions = questions;

    /// <summary>The questions in order.</summary>
    public IReadOnlyList<QuestionMarkup> Questions { get; }

    /// <summary>The pieces for <paramref name="quiz"/> in the interface language <paramref name="ui"/>.</summary>
    public static QuizMarkup For(Quiz quiz, string ui, IStringLocalizer<SharedResource> t, HtmlEncoder encoder) =>
        _byQuiz.GetValue(quiz, _ => new ConcurrentDictionary<string, QuizMarkup>())
            .GetOrAdd(ui, _ => new QuizMarkup([.. quiz.Questions.Select((question, i) => QuestionMarkup.Of(question, i, quiz.Questions.Count, ui, t, encoder))]));
}

/// <summary>One question's fixed HTML; see <see cref="QuizMarkup"/>.</summary>
public sealed class QuestionMarkup
{
    public required Question Question { get; init; }

    /// <summary>The question's group and prompt, up to its answer fields.</summary>
    public required string Opening { get; init; }

    /// <summary>A text question: everything before the encoded answer, which goes inside the input's value.</summary>
    public string TextBeforeValue { get; init; } = "";

    /// <summary>A text question: everything after the answer.</summary>
    public string TextAfterValue { get; init; } = "";

    /// <summary>A choice question: the hint and the list's start.</summary>
    public string OptionsOpening { get; init; } = "";

    /// <summary>A choice question: each option unchosen and chosen, in order.</summary>
    public IReadOnlyList<(string Unchosen, string Chosen)> Options { get; init; } = [];

    public string OptionsClosing { get; init; } = "";

    /// <summary>The feedback after an answer, with the explanation.</summary>
    public required string Correct { get; init; }

    public required string Incorrect { get; init; }

    public const string Closing = "\n</div>\n";

    internal static QuestionMarkup Of(Question question, int index, int count, string ui, IStringLocalizer<SharedResource> t, HtmlEncoder encoder)
    {
        string E(string value) => encoder.Encode(value);
        var id = question.Id;
        var promptId = E($"q-{id}-prompt");
        var lang = E(ui);
        var opening = $"<div class=\"question\" role=\"group\" aria-labelledby=\"{promptId}\">\n"
            + $"<div class=\"prompt\" id=\"{promptId}\"><span class=\"question-number\" lang=\"{lang}\">{E(t["Quiz.QuestionNumber", index + 1, count])}</span> {question.PromptHtml}</div>\n";
        string Feedback(bool correct) =>
            $"\n<div class=\"feedback {(correct ? "correct" : "incorrect")}\">\n<p lang=\"{lang}\"><strong>{E(t[correct ? "Quiz.Correct" : "Quiz.Incorrect"])}</strong></p>\n{question.ExplanationHtml}\n</div>";
        var field = E(QuizScoring.FieldName(question));
        if (question.Type == QuestionType.Text)
        {
            var inputId = E($"q-{id}-text");
            return new QuestionMarkup
            {
                Question = question,
                Opening = opening,
                TextBeforeValue = $"<label for=\"{inputId}\" lang=\"{lang}\">{E(t["Quiz.YourAnswer"])}</label>\n<input type=\"text\" id=\"{inputId}\" name=\"{field}\" value=\"",
                TextAfterValue = $"\" maxlength=\"{QuizScoring.TextAnswerMaxLength}\" autocomplete=\"off\">",
                Correct = Feedback(true),
                Incorrect = Feedback(false),
            };
        }

        var type = question.Type == QuestionType.Multiple ? "checkbox" : "radio";
        var hint = question.Type == QuestionType.Multiple ? $"<p class=\"hint\" lang=\"{lang}\">{E(t["Quiz.ChooseAll"])}</p>\n" : "";
        return new QuestionMarkup
        {
            Question = question,
            Opening = opening,
            OptionsOpening = hint + "<ul class=\"options\">\n",
            Options =
            [
                .. question.Options.Select(option =>
                {
                    var optionId = E($"q-{id}-{option.Id}");
                    string Item(bool chosen) =>
                        $"<li>\n<input type=\"{type}\" id=\"{optionId}\" name=\"{field}\" value=\"{E(option.Id)}\"{(chosen ? " checked=\"checked\"" : "")}>\n"
                        + $"<label for=\"{optionId}\">{option.Html}</label>\n</li>\n";
                    return (Item(false), Item(true));
                }),
            ],
            OptionsClosing = "</ul>",
            Correct = Feedback(true),
            Incorrect = Feedback(false),
        };
    }
}
