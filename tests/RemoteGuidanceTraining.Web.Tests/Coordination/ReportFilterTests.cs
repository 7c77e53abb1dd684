using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Coordination;

/// <summary>The report's filters as a coordinator types them.</summary>
public sealed class ReportFilterTests : IDisposable
{
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task The_organisation_filter_offers_the_organisations_and_finds_one_whatever_its_case_also_with_umlauts()
    {
        var a = await AdminAsync();
        var pia = await _learning.ParticipantAsync("pia@example.fi", "Pia Äänekoskelta");
        await TestOrganisations.JoinAsync(_learning.Site.Services, pia.UserId, "Äänekosken kaupunki");
        var rami = await _learning.ParticipantAsync("rami@example.fi", "Rami Rovaniemeltä");
        await TestOrganisations.JoinAsync(_learning.Site.Services, rami.UserId, "Rovaniemen kaupunki");

        var all = await a.GetStringAsync("/Coordination/Reports?course=kurssi");
        Assert.Contains("<option value=\"Äänekosken kaupunki\"></option>", all);
        Assert.Contains("<option value=\"Rovaniemen kaupunki\"></option>", all);

        foreach (var typed in new[] { "äänekosken KAUPUNKI", "ÄÄNEKOSKEN kaupunki", "Äänekosken" })
        {
            var page = await a.GetStringAsync($"/Coordination/Reports?course=kurssi&organisation={Uri.EscapeDataString(typed)}");
            Assert.Contains("Pia Äänekoskelta", page);
            Assert.DoesNotContain("Rami Rovaniemeltä", page);
        }

        Assert.Contains("Rami Rovaniemeltä", await a.GetStringAsync("/Coordination/Reports?course=kurssi&organisation=rovaniemen+kaupunki"));
        var none = await a.GetStringAsync("/Coordination/Reports?course=kurssi&organisation=Kemin+kaupunki");
        Assert.Contains("Yksikään näkyvissäsi oleva organisaatio ei vastaa hakua ”Kemin kaupunki”", none);
        Assert.DoesNotContain("Pia Äänekoskelta", none);
        // The grid shares the filter.
        Assert.Contains("Pia Äänekoskelta", await a.GetStringAsync("/Coordination/Grid?course=kurssi&organisation=%C3%A4%C3%A4nekosken+kaupunki"));
    }

    [Fact]
    public async Task A_filter_message_from_an_export_does_not_turn_up_on_the_next_page()
    {
        // Found in review: the export never shows a page, so its "no such organisation" or "bad date" message was
        // kept for the next request and appeared on whatever the coordinator opened next.
        var a = await AdminAsync();

        await a.GetAsync("/Coordination/Reports?course=kurssi&organisation=Kemin+kaupunki&handler=Csv");
        await a.GetAsync("/Coordination/Reports?course=kurssi&from=1900-01-01&handler=Csv");
        var next = await a.GetStringAsync("/Coordination/Certificates");

        Assert.DoesNotContain("Kemin kaupunki", next);
        Assert.DoesNotContain("<p class=\"status\" role=\"status\">", next); // the layout's message line
    }

    private async Task<HttpClient> AdminAsync()
    {
        await TestUsers.CreateAsync(_learning.Site.Services, "admin@example.fi", "Ylläpitäjä", Roles.Admin);
        var client = _learning.Site.CreateBrowserLikeClient();
        await client.SignInAsync("admin@example.fi", TestUsers.Password);
        return client;
    }
}
