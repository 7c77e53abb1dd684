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
}
