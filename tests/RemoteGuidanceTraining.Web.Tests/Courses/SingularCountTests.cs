using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Localization;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Courses;

/// <summary>A count of one reads as one, not "1 osiota" or "1 modules": the catalogue, a task's length hint, its error, its peer feedback.</summary>
public sealed class SingularCountTests : IDisposable
{
    private readonly LearningSite _learning = new(); // its course has one module

    public void Dispose() => _learning.Dispose();

    [Theory]
    [InlineData("fi", "1 osio", "1 osiota")]
    [InlineData("sv", "1 del", "1 delar")]
    [InlineData("en", "1 module", "1 modules")]
    public async Task The_catalogue_calls_a_one_module_course_one_module(string language, string expected, string wrong)
    {
        var client = _learning.Site.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/courses"));

        Assert.Contains($"· {expected}", html);
        Assert.DoesNotContain(wrong, html);
    }

    [Fact]
    public async Task A_task_of_at_least_one_character_with_one_peer_says_so_in_the_singular()
    {
        _learning.Write("kurssi/01-alku/02-oma-tyo.md", "---\ntitle: Oma työ\nminutes: 10\n---\n\n::: task kanavakartta minlength=1 peer=1\nKuvaa.\n:::\n");
        _learning.Reload();
        var participant = await _learning.ParticipantAsync();

        Assert.Contains("Vähintään 1 merkki. Voit tallentaa", await participant.Client.GetStringAsync("/courses/kurssi/alku/oma-tyo"));
        var empty = await participant.TaskAsync("", submit: true);
        Assert.Contains("Vastauksessa on oltava vähintään 1 merkki; nyt siinä on 0.", await empty.Content.ReadAsStringAsync());
        await participant.TaskAsync("Video ja chat.", submit: true);
        var submitted = await participant.Client.GetStringAsync("/courses/kurssi/alku/oma-tyo");
        Assert.Contains("Vähintään 1 merkki. Muokattu vastaus", submitted);
        Assert.Contains("Olet antanut vertaispalautetta 0/1 vastauksesta.", submitted);
    }

    [Theory]
    [InlineData("sv", "Minst 1 tecken.", "Du har gett kamratrespons på 0 av 1 svar.")]
    [InlineData("en", "At least 1 character.", "You have given peer feedback on 0 of 1 answer.")]
    public void The_other_languages_have_the_singular_too(string language, string minLength, string peerGiven)
    {
        using (Cultures.Use(language))
        {
            var t = _learning.Site.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
            Assert.StartsWith(minLength, t["Task.MinLengthOne"].Value);
            Assert.StartsWith(minLength, t["Task.MinLengthRevisionOne"].Value);
            Assert.Contains(language == "en" ? "at least 1 character;" : "minst 1 tecken;", t["Task.TooShortOne", 1, 0].Value);
            Assert.EndsWith(peerGiven, t["Peer.GivenOfOne", 0, 1].Value);
        }
    }
}
