using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Privacy;

public sealed class PrivacyPagesTests
{
    [Fact]
    public async Task A_fresh_install_shows_which_organisation_specific_parts_are_not_set_and_every_page_links_both_statements()
    {
        using var site = new TestSite();
        var client = site.CreateClient();

        var notice = await client.GetStringAsync("/tietosuoja");
        var statement = await client.GetStringAsync("/saavutettavuus");

        Assert.Contains("<h1>Tietosuojaseloste</h1>", notice);
        Assert.Contains("Privacy:Controller", notice);
        Assert.Contains("Privacy:DataProtectionOfficer", notice);
        Assert.Contains("Ei asetettu.", notice);
        Assert.Contains(".AspNetCore.Culture", notice);
        Assert.Contains("30 päivän", notice);
        Assert.Contains("<h1>Saavutettavuusseloste</h1>", statement);
        Assert.Contains("Privacy:AccessibilitySupervisor", statement);
        Assert.Contains("axe-core", statement);
        foreach (var url in new[] { "/", "/Account/Login", "/courses", "/tietosuoja" })
        {
            var html = await client.GetStringAsync(url);
            Assert.Contains("href=\"/tietosuoja\"", html);
            Assert.Contains("href=\"/saavutettavuus\"", html);
        }
    }

    [Fact]
    public async Task The_settings_fill_the_statements_in_each_language()
    {
        using var site = TestSite.With(new Dictionary<string, string?>
        {
            ["Privacy:Controller"] = "Lapin hyvinvointialue",
            ["Privacy:DataProtectionOfficer"] = "tietosuoja@example.fi",
            ["Privacy:AccessibilitySupervisor"] = "Valvova viranomainen, saavutettavuus@example.fi",
            ["Privacy:Retention:UnconfirmedAccountDays"] = "14",
        });
        var client = site.CreateClient();

        var fi = await client.GetStringAsync("/tietosuoja");
        Assert.Contains("Lapin hyvinvointialue", fi);
        Assert.Contains("tietosuoja@example.fi", fi);
        Assert.Contains("14 päivän", fi);
        Assert.Contains("Privacy:ControllerContact", fi);
        Assert.DoesNotContain("Privacy:Controller.", fi);
        Assert.Contains("Valvova viranomainen", await client.GetStringAsync("/saavutettavuus"));

        // The guidance network publishes a profile: the notice says what, on which basis, and how to take it back.
        Assert.Contains("<h2>Ohjausverkoston profiili</h2>", fi);
        Assert.Contains("6 artiklan 1 kohdan a alakohta", fi);
        foreach (var (lang, heading, network) in new[] { ("sv", "Dataskyddsbeskrivning", "<h2>Profilen i vägledningsnätverket</h2>"), ("en", "Privacy notice", "<h2>The guidance network profile</h2>") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/tietosuoja");
            request.Headers.AcceptLanguage.ParseAdd(lang);
            var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
            Assert.Contains($"<h1>{heading}</h1>", html);
            Assert.Contains("Lapin hyvinvointialue", html);
            Assert.Contains(network, html);
        }
    }

    [Theory]
    [InlineData("fi", "<li>Vertaispalaute:", "saman kurssin muut osallistujat, jotka ovat palauttaneet saman tehtävän, näkevät palauttamasi vastauksen", "vain, jos kurssi näyttää nimet")]
    [InlineData("sv", "<li>Kamratrespons:", "andra deltagare i samma kurs som har lämnat in samma uppgift det svar du lämnat in", "bara om kursen visar namnen")]
    [InlineData("en", "<li>Peer feedback:", "other participants of the same course who have submitted the same task see the answer you submitted", "only if the course shows names")]
    public async Task The_notice_says_that_peer_feedback_is_stored_and_who_sees_an_answer_in_peer_review(string lang, string stored, string recipients, string names)
    {
        using var site = new TestSite();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/tietosuoja");
        request.Headers.AcceptLanguage.ParseAdd(lang);

        var html = await (await site.CreateClient().SendAsync(request)).Content.ReadAsStringAsync();

        // The sentences wrap in the source: compare with the line breaks and indents folded into spaces.
        var text = System.Text.RegularExpressions.Regex.Replace(html, @"\s+", " ");
        Assert.Contains(stored, text);
        Assert.Contains(recipients, text);
        Assert.Contains(names, text);
    }
}
