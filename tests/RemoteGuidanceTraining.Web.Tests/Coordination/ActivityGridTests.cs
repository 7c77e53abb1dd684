using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Coordination;

/// <summary>Participants × requirements with text for every symbol, the report's filters and scope, and a CSV export.</summary>
public sealed class ActivityGridTests : IDisposable
{
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task The_grid_shows_each_requirement_by_title_with_a_text_state_and_exports_it()
    {
        var user = await TestUsers.CreateAsync(_learning.Site.Services, "a@example.fi", "Koordinaattori", Roles.Coordinator);
        await TestOrganisations.CoordinateAsync(_learning.Site.Services, user.Id, "Organisaatio A");
        var a = _learning.Site.CreateBrowserLikeClient();
        await a.SignInAsync("a@example.fi", TestUsers.Password);
        var pia = await _learning.ParticipantAsync("pia@example.fi", "Pia Osallistuja");
        await TestOrganisations.JoinAsync(_learning.Site.Services, pia.UserId, "Organisaatio A");
        var bertta = await _learning.ParticipantAsync("bertta@example.fi", "Bertta Beeläinen");
        await TestOrganisations.JoinAsync(_learning.Site.Services, bertta.UserId, "Organisaatio B");
        await pia.DoneAsync("alku/kanavat");
        await pia.AnswerQuizAsync("a");                       // tried, not passed
        await pia.TaskAsync("Luonnos", submit: false);         // a draft

        var page = await a.GetStringAsync("/Coordination/Grid?course=kurssi&organisation=Organisaatio%20A");
        Assert.Contains("Pia Osallistuja", page);
        Assert.DoesNotContain("Bertta", page);
        Assert.Contains("Oma työ", page);                      // the task's title, not its id
        Assert.DoesNotContain("kanavakartta", page);
        Assert.Matches(@"cell-done""><span aria-hidden=""true"">✓</span><span class=""visually-hidden"">Tehty</span>", page);
        Assert.Matches(@"cell-started""><span aria-hidden=""true"">◐</span><span class=""visually-hidden"">Aloitettu</span>", page);
        Assert.Contains("organisation=Organisaatio%20A", page);   // export and sort links keep the filter

        var csv = await a.GetStringAsync("/Coordination/Grid?course=kurssi&handler=Csv");
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Nimi;Sähköpostiosoite;Organisaatio;Edistyminen %;Oppitunti: Kanavat;Tietovisa: Kanavat;Oppitunti: Oma työ;Tehtävä: Oma työ", lines[0].TrimEnd('\r'));
        Assert.Equal("Pia Osallistuja;pia@example.fi;Organisaatio A;25;Tehty;Aloitettu;Ei tehty;Aloitettu", lines[1].TrimEnd('\r'));
        Assert.Equal(2, lines.Length);

        // The funnel counts every requirement in course order: the lesson read, its quiz not yet passed by anyone.
        // Each step names its kind, as the grid's columns do, so a lesson and its quiz of the same title differ.
        var report = await a.GetStringAsync("/Coordination/Reports?course=kurssi&organisation=Organisaatio%20A");
        Assert.Matches(@"<th scope=""row"">1\. Oppitunti: <span lang=""fi"">Kanavat</span></th><td>1</td><td>100&nbsp;%</td>", report);
        Assert.Matches(@"<th scope=""row"">2\. Tietovisa: <span lang=""fi"">Kanavat</span></th><td>0</td><td>0&nbsp;%</td>", report);
        Assert.Matches(@"<th scope=""row"">4\. Tehtävä: <span lang=""fi"">Oma työ</span></th><td>0</td>", report);
        Assert.Contains("2. Tietovisa: <tspan lang=\"fi\">Kanavat</tspan></text>", report); // the chart's bar label too
        Assert.Contains("aria-labelledby=\"funnel-heading funnel-desc\"", report);
    }
}
