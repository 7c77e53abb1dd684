using System.Net;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Learning;

/// <summary>
/// The request that meets a course's last requirement completes it and mails the certificate; the page the participant
/// lands on says so, with the way to the certificate. No other request says it.
/// </summary>
public sealed class CompletionAnnouncementTests : IDisposable
{
    private const string Completed = "Koulutus suoritettu! Todistus lähetetään sähköpostiisi.";

    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Theory]
    [InlineData("task")]
    [InlineData("quiz")]
    [InlineData("lesson")]
    public async Task The_step_that_completes_the_course_says_so_on_the_next_page(string last)
    {
        var p = await _learning.ParticipantAsync();
        var steps = new Dictionary<string, Func<Task<HttpResponseMessage>>>
        {
            ["lesson"] = () => p.DoneAsync("alku/kanavat"),
            ["quiz"] = () => p.AnswerQuizAsync("b"),
            ["task"] = () => p.TaskAsync(LearningSite.LongAnswer, submit: true),
        };
        Assert.DoesNotContain(Completed, await FollowAsync(p, await p.DoneAsync("alku/oma-tyo")));
        foreach (var (_, step) in steps.Where(s => s.Key != last))
        {
            Assert.DoesNotContain(Completed, await FollowAsync(p, await step()));
        }

        var page = await FollowAsync(p, await steps[last]());

        Assert.Equal(1, await _learning.CompletionsAsync(p.UserId));
        Assert.Contains(Completed, page);
        Assert.Contains("<a href=\"/my-studies\">Katso todistus Omista opinnoista</a>", page);

        // Done again after completion: nothing new happened, nothing is announced.
        Assert.DoesNotContain(Completed, await FollowAsync(p, await steps[last]()));
    }

    [Fact]
    public async Task The_announcement_is_in_the_participants_language()
    {
        var p = await _learning.ParticipantAsync();
        await p.Client.PostFormAsync("/Language", new Dictionary<string, string> { ["culture"] = "sv", ["returnUrl"] = "/" }, formUrl: "/");
        await p.DoneAsync("alku/kanavat");
        await p.AnswerQuizAsync("b");
        await p.TaskAsync(LearningSite.LongAnswer, submit: true);

        var page = await FollowAsync(p, await p.DoneAsync("alku/oma-tyo"));

        Assert.Contains("Utbildningen är avklarad! Intyget skickas till din e-post.", page);
        Assert.Contains("Se intyget under Mina studier", page);
    }

    private static async Task<string> FollowAsync(LearningSite.Participant p, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return WebUtility.HtmlDecode(await p.Client.GetStringAsync(response.Headers.Location));
    }
}
