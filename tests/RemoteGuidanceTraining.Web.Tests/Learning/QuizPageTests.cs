using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Learning;

/// <summary>
/// The quiz form as each participant sees it. Its fixed HTML is made once per quiz and interface language
/// (QuizMarkup), so one person's answers or language must never show up for another.
/// </summary>
public sealed partial class QuizPageTests : IDisposable
{
    private const string Lesson = "/courses/kurssi/alku/kanavat";
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task Each_participant_sees_their_own_choice_and_feedback_in_their_own_language()
    {
        var wrong = await _learning.ParticipantAsync();
        var right = await _learning.ParticipantAsync();
        var fresh = await _learning.ParticipantAsync();
        await wrong.AnswerQuizAsync("a");
        await right.AnswerQuizAsync("b");

        var wrongPage = await wrong.Client.GetStringAsync(Lesson);
        Assert.Equal(["a"], Checked(wrongPage));
        Assert.Contains("<strong>Ei aivan.</strong>", wrongPage);
        Assert.Contains("Video on reaaliaikainen.", wrongPage); // the explanation comes with the feedback
        Assert.Contains("Kysymys 1/1.", wrongPage);

        var rightPage = await right.Client.GetStringAsync(Lesson);
        Assert.Equal(["b"], Checked(rightPage));
        Assert.Contains("<strong>Oikein.</strong>", rightPage);

        var freshPage = await fresh.Client.GetStringAsync(Lesson);
        Assert.Empty(Checked(freshPage));
        Assert.DoesNotContain("Video on reaaliaikainen.", freshPage);
        Assert.Contains("type=\"radio\" id=\"q-synkroninen-a\" name=\"q.synkroninen\" value=\"a\"", freshPage);
        Assert.Contains("<label for=\"q-synkroninen-b\">Video</label>", freshPage);

        await wrong.Client.PostFormAsync("/Language", new Dictionary<string, string> { ["culture"] = "sv", ["returnUrl"] = Lesson }, formUrl: Lesson);
        var swedish = await wrong.Client.GetStringAsync(Lesson);
        Assert.Contains("Fråga 1 av 1.", swedish);
        Assert.DoesNotContain("Kysymys 1/1.", swedish);
        Assert.Equal(["a"], Checked(swedish));
        Assert.Contains("Kysymys 1/1.", await fresh.Client.GetStringAsync(Lesson)); // the others stay in Finnish
    }

    [Fact]
    public async Task A_practice_round_after_passing_shows_the_latest_score_without_taking_the_pass_away()
    {
        var pia = await _learning.ParticipantAsync();
        await pia.AnswerQuizAsync("b");
        await pia.AnswerQuizAsync("a");

        var page = WebUtility.HtmlDecode(await pia.Client.GetStringAsync(Lesson));

        Assert.Contains("<div class=\"quiz-result passed\"", page);
        Assert.Contains("<strong>Hyväksytty.</strong>", page);
        Assert.Contains("Viimeisin yrityksesi: oikein 0/1 (0 %).", page);
        Assert.Contains("Paras tuloksesi: 100 %.", page);
        Assert.DoesNotContain("Ei vielä hyväksytty", page);
        Assert.Equal(["a"], Checked(page)); // the latest answers stay on the form
    }

    [Fact]
    public async Task A_quiz_post_with_values_the_quiz_does_not_offer_stores_only_the_quiz_sized_answer_and_a_right_answer_still_counts()
    {
        var pia = await _learning.ParticipantAsync();
        var fields = new List<KeyValuePair<string, string>> { new("quizId", "kanavavisa"), new("q.eiole", new string('y', 5000)) };
        fields.AddRange(Enumerable.Repeat(new KeyValuePair<string, string>("q.synkroninen", "b"), 900));
        fields.Add(new("q.synkroninen", new string('x', 5000)));

        await pia.Client.PostFormFieldsAsync(Lesson + "?handler=Quiz", fields, formUrl: Lesson);

        var stored = await _learning.DbAsync(db => db.QuizAttempts.Where(a => a.UserId == pia.UserId).Select(a => new { a.AnswersJson, a.Correct }).SingleAsync());
        Assert.True(stored.AnswersJson.Length < 200, $"{stored.AnswersJson.Length} characters stored");
        Assert.Equal(0, stored.Correct); // 900 choices of one single-choice question were never a right answer
        var page = await pia.Client.GetStringAsync(Lesson);
        Assert.Empty(Checked(page));
        Assert.Contains("<strong>Ei aivan.</strong>", page);

        await pia.AnswerQuizAsync("b");
        var right = await pia.Client.GetStringAsync(Lesson);
        Assert.Equal(["b"], Checked(right));
        Assert.Contains("<strong>Oikein.</strong>", right);
    }

    private static List<string> Checked(string page) =>
        [.. CheckedOption().Matches(page).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("name=\"q\\.synkroninen\" value=\"([a-z])\" checked=\"checked\"")]
    private static partial Regex CheckedOption();
}
