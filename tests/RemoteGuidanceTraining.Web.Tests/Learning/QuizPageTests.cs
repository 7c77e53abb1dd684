using System.Text.RegularExpressions;
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

    private static List<string> Checked(string page) =>
        [.. CheckedOption().Matches(page).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("name=\"q\\.synkroninen\" value=\"([a-z])\" checked=\"checked\"")]
    private static partial Regex CheckedOption();
}
