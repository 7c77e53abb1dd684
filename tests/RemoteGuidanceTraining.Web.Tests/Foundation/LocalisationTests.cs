using System.Net.Http.Headers;
using System.Xml.Linq;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Foundation;

public sealed class LocalisationTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task A_value_the_form_cannot_read_gets_a_Finnish_message_not_the_frameworks_English_one()
    {
        var client = await Network.NetworkKit.SignedInAsync(site, $"k-{Guid.NewGuid():N}@example.fi", "Kaisa Kokeilija");
        var fields = await Network.NetworkKit.FieldsAsync(site.Services, new("Kaisa Kokeilija", "rovaniemi", ["rovaniemi"], ["suomi"], ["puhelin"]));
        fields.RemoveAll(f => f.Key == "Input.HomeMunicipalityId");
        fields.Add(new("Input.HomeMunicipalityId", "abc"));

        var response = await Network.NetworkKit.PostProfileAsync(client, fields);

        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Kotikunta (toimipaikka): arvoa ”abc” ei voi käyttää.", html);
        Assert.DoesNotContain("is not valid", html);
    }

    [Fact]
    public async Task Home_page_is_Finnish_by_default()
    {
        var html = await site.CreateClient().GetStringAsync("/");

        Assert.Contains("<html lang=\"fi\">", html);
        Assert.Contains("Etäohjauksen täydennyskoulutus", html);
        Assert.Contains("Siirry sisältöön", html);
    }

    [Theory]
    [InlineData("sv-SE,sv;q=0.9,en;q=0.5", "sv", "Fortbildning i distansvägledning")]
    [InlineData("en-GB,en;q=0.9", "en", "In-service training in remote guidance")]
    [InlineData("de-DE,de;q=0.9", "fi", "Etäohjauksen täydennyskoulutus")]
    public async Task Accept_Language_decides_on_a_first_visit(string acceptLanguage, string lang, string heading)
    {
        var client = site.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);

        var html = await client.GetStringAsync("/");

        Assert.Contains($"<html lang=\"{lang}\">", html);
        Assert.Contains(heading, html);
    }

    [Fact]
    public async Task A_chosen_language_is_remembered_over_Accept_Language()
    {
        var client = site.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));

        var response = await client.PostFormAsync("/Language", new Dictionary<string, string> { ["culture"] = "sv", ["returnUrl"] = "/Account/Login" }, formUrl: "/");

        Assert.Equal("/Account/Login", response.Headers.Location?.OriginalString);
        var html = await client.GetStringAsync("/Account/Login");
        Assert.Contains("<html lang=\"sv\">", html);
        Assert.Contains("Logga in", html);
    }

    [Fact]
    public async Task The_language_switcher_refuses_to_redirect_off_site()
    {
        var response = await site.CreateBrowserLikeClient().PostFormAsync("/Language",
            new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "https://evil.example/" }, formUrl: "/");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public void Every_string_exists_in_Finnish_Swedish_and_English()
    {
        var folder = Path.Combine(RepoPaths.WebProject, "Resources");
        var keys = new[] { "fi", "sv", "en" }.ToDictionary(lang => lang, lang =>
            XDocument.Load(Path.Combine(folder, $"SharedResource.{lang}.resx")).Root!.Elements("data")
                .Where(d => !string.IsNullOrWhiteSpace(d.Element("value")?.Value))
                .Select(d => d.Attribute("name")!.Value).ToHashSet());

        Assert.True(keys["fi"].Count > 100);
        Assert.Empty(keys["fi"].Except(keys["sv"]));
        Assert.Empty(keys["fi"].Except(keys["en"]));
        Assert.Empty(keys["sv"].Except(keys["fi"]));
        Assert.Empty(keys["en"].Except(keys["fi"]));
    }

    [Fact]
    public async Task No_page_shows_a_raw_resource_key()
    {
        foreach (var url in new[] { "/", "/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/Account/Lockout", "/no-such-page" })
        {
            var html = await site.CreateClient().GetStringAsync(url.Replace("/no-such-page", "/Error?code=404"));
            Assert.DoesNotMatch(@">\s*[A-Z][A-Za-z]+\.[A-Z][A-Za-z.]+\s*<", html);
        }
    }
}
