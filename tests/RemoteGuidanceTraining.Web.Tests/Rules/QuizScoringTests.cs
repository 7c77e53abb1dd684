using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Rules;

/// <summary>Quiz scoring as a table: no site, no database, milliseconds.</summary>
public sealed class QuizScoringTests
{
    private static readonly Question _single = new("yksi", QuestionType.Single, "", [new("a", "", true), new("b", "", false)], [], "", "h1");
    private static readonly Question _multiple = new("monta", QuestionType.Multiple, "", [new("a", "", true), new("b", "", true), new("c", "", false)], [], "", "h2");
    private static readonly Question _text = new("teksti", QuestionType.Text, "", [], ["Etäohjaus", "etä-ohjaus"], "", "h3");

    [Theory]
    [InlineData("a", true)]
    [InlineData("b", false)]
    [InlineData("", false)]
    [InlineData("a,b", false)]
    public void A_single_choice_is_right_only_with_the_one_right_option(string given, bool correct) =>
        Assert.Equal(correct, QuizScoring.IsCorrect(_single, Split(given)));

    [Theory]
    [InlineData("a,b", true)]
    [InlineData("b,a", true)]
    [InlineData("a", false)]
    [InlineData("a,b,c", false)]
    [InlineData("", false)]
    public void A_multiple_choice_needs_exactly_the_right_options_in_any_order(string given, bool correct) =>
        Assert.Equal(correct, QuizScoring.IsCorrect(_multiple, Split(given)));

    [Theory]
    [InlineData("Etäohjaus", true)]
    [InlineData("  etäohjaus  ", true)]
    [InlineData("ETÄOHJAUS.", true)]
    [InlineData("etä-ohjaus", true)]
    [InlineData("etä  ohjaus", false)]
    [InlineData("lähiohjaus", false)]
    public void A_text_answer_ignores_case_surrounding_space_and_a_final_full_stop(string given, bool correct) =>
        Assert.Equal(correct, QuizScoring.IsCorrect(_text, [given]));

    [Theory]
    [InlineData("a", "a,b", "Etäohjaus", 3, 100, true)]
    [InlineData("a", "a,b", "väärin", 2, 67, false)] // 66.67 rounds to 67, below the pass mark of 70
    [InlineData("b", "a", "", 0, 0, false)]
    [InlineData("a", "", "etäohjaus", 2, 67, false)]
    public void The_score_is_the_rounded_share_of_right_answers_and_passes_at_the_pass_mark(
        string single, string multiple, string text, int correct, int percent, bool passed)
    {
        var quiz = new Quiz("testi", 70, [_single, _multiple, _text], "Testi");
        var answers = new Dictionary<string, string[]> { ["q.yksi"] = Split(single), ["q.monta"] = Split(multiple), ["q.teksti"] = [text] };

        var attempt = QuizScoring.Score(quiz, field => answers[field]);

        Assert.Equal((correct, 3, percent, passed), (attempt.Correct, attempt.Total, attempt.ScorePercent, attempt.Passed));
        Assert.Equal(correct, QuizScoring.AnswersOf(attempt).Count(a => a.Correct));
    }

    [Theory]
    [InlineData("yksi", "a", "a")]
    [InlineData("yksi", "a,b", "")] // a single choice answered twice
    [InlineData("yksi", "a,a", "")]
    [InlineData("yksi", "z", "")] // no option of the question
    [InlineData("yksi", "a,z", "")]
    [InlineData("monta", "b,a", "b,a")]
    [InlineData("monta", "a,b,c", "a,b,c")]
    [InlineData("monta", "a,a,b", "")] // an option twice
    [InlineData("monta", "a,b,z", "")]
    public void Only_the_questions_own_options_are_kept_each_once_and_one_for_a_single_choice(string question, string posted, string kept)
    {
        var quiz = new Quiz("testi", 70, [_single, _multiple], "Testi");
        var answers = new Dictionary<string, string[]> { ["q.yksi"] = [], ["q.monta"] = [], ["q.muu"] = ["a"] };
        answers["q." + question] = Split(posted);

        var attempt = QuizScoring.Score(quiz, field => answers[field]);

        var recorded = QuizScoring.AnswersOf(attempt);
        Assert.Equal(["yksi", "monta"], recorded.Select(a => a.QuestionId));
        Assert.Equal(Split(kept), recorded.Single(a => a.QuestionId == question).Given);
        Assert.Equal(QuizScoring.IsCorrect(question == "yksi" ? _single : _multiple, Split(posted)), attempt.Correct == 1);
    }

    [Fact]
    public void A_text_answer_is_kept_once_and_up_to_its_length_limit()
    {
        var quiz = new Quiz("testi", 70, [_text], "Testi");
        string[] Kept(params string[] posted) => [.. QuizScoring.AnswersOf(QuizScoring.Score(quiz, _ => posted)).Single().Given];

        Assert.Equal(["Etäohjaus"], Kept("Etäohjaus"));
        Assert.Equal([new string('x', QuizScoring.TextAnswerMaxLength)], Kept(new string('x', QuizScoring.TextAnswerMaxLength)));
        Assert.Empty(Kept(new string('x', QuizScoring.TextAnswerMaxLength + 1)));
        Assert.Empty(Kept("Etäohjaus", "etä-ohjaus"));
    }

    [Fact]
    public void A_quiz_without_questions_is_passed() =>
        Assert.True(QuizScoring.Score(new Quiz("tyhja", 70, [], "Tyhjä"), _ => []).Passed);

    private static string[] Split(string given) => given.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
