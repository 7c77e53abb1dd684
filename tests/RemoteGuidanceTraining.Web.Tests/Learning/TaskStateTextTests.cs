using System.Net;

namespace RemoteGuidanceTraining.Web.Tests.Learning;

/// <summary>
/// What a submitted task says about the trainer's feedback. A task without `review=required` counts once submitted,
/// so it must not tell a participant who already has the certificate that it is still waiting for the trainer.
/// </summary>
public sealed class TaskStateTextTests : IDisposable
{
    private const string Waiting = "Odottaa kouluttajan palautetta.";
    private const string Optional = "Kouluttaja voi vielä antaa palautetta, mutta koulutuksen suorittaminen ei odota sitä.";
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task A_submitted_task_that_needs_no_review_says_completion_does_not_wait_for_feedback()
    {
        var pia = await _learning.ParticipantAsync();
        await pia.CompleteAllAsync();

        var lesson = WebUtility.HtmlDecode(await pia.Client.GetStringAsync("/courses/kurssi/alku/oma-tyo"));
        var studies = WebUtility.HtmlDecode(await pia.Client.GetStringAsync("/my-studies"));

        Assert.Equal(1, await _learning.CompletionsAsync(pia.UserId));
        Assert.Contains(Optional, lesson);
        Assert.DoesNotContain(Waiting, lesson);
        Assert.DoesNotContain(Waiting, studies);
    }

    [Fact]
    public async Task A_submitted_task_that_needs_review_still_waits_for_the_trainer()
    {
        _learning.Write("kurssi/01-alku/02-oma-tyo.md", LearningSite.LessonTwo.Replace("minlength=40", "minlength=40 review=required", StringComparison.Ordinal));
        _learning.Reload();
        var pia = await _learning.ParticipantAsync();

        await pia.TaskAsync(LearningSite.LongAnswer, submit: true);

        var lesson = WebUtility.HtmlDecode(await pia.Client.GetStringAsync("/courses/kurssi/alku/oma-tyo"));
        Assert.Contains(Waiting, lesson);
        Assert.DoesNotContain(Optional, lesson);
    }
}
