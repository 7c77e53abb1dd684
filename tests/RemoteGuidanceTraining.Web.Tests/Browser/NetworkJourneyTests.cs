using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Network;

namespace RemoteGuidanceTraining.Web.Tests.Browser;

/// <summary>
/// Two practitioners in different Lapland groups join the network; a visitor without JavaScript finds the North Sámi
/// one in the Sámi homeland and sees their municipalities on the map; when she leaves she is gone at once.
/// </summary>
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class NetworkJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private KestrelSite _site = null!;

    public async Task InitializeAsync() => _site = await KestrelSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Join_filter_by_Sami_homeland_and_North_Sami_see_the_map_then_leave()
    {
        await TestUsers.CreateAsync(_site.Services, "ailu@example.fi", "Áilu Aikio");
        await TestUsers.CreateAsync(_site.Services, "tuomas@example.fi", "Tuomas Tornio");
        await using var ailuContext = await browser.NewContextAsync(_site.BaseUrl);
        var ailu = await ailuContext.NewPageAsync();
        await JoinAsync(ailu, "ailu@example.fi", "Utsjoki", ["Inari"], "koulutus- ja uraohjaus", ["pohjoissaame", "suomi"], "chat");
        await Accessibility.AssertNoSeriousViolationsAsync(ailu);
        await using var tuomasContext = await browser.NewContextAsync(_site.BaseUrl, phone: true);
        await JoinAsync(await tuomasContext.NewPageAsync(), "tuomas@example.fi", "Tornio", ["Kemi"], "työllisyyspalvelut", ["suomi", "ruotsi"], "video");

        // A visitor on a phone with JavaScript off: the form is a plain GET, the map is drawn by the server.
        await using var visitorContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            IgnoreHTTPSErrors = true, // the test site's self-signed certificate
            BaseURL = _site.BaseUrl, Locale = "fi-FI", JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var visitor = await visitorContext.NewPageAsync();
        await visitor.GotoAsync("/verkosto");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Palveluja löytyi: 2" })).ToBeVisibleAsync();
        await visitor.GetByLabel("Alue tai ryhmä").SelectOptionAsync(new SelectOptionValue { Label = "Saamelaisalue" });
        await visitor.GetByRole(AriaRole.Combobox, new() { Name = "Kieli", Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "pohjoissaame" });
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Näytä" }).ClickAsync();

        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Palveluja löytyi: 1" })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Áilu Aikio" })).ToBeVisibleAsync();
        Assert.Equal(0, await visitor.GetByText("Tuomas").CountAsync());
        foreach (var reached in new[] { "utsjoki", "inari" })
        {
            await Assertions.Expect(Tile(visitor, reached)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\breached\b"));
            await Assertions.Expect(Tile(visitor, reached)).ToHaveAccessibleNameAsync($"{(reached == "inari" ? "Inari" : "Utsjoki")}: palveluja 1, kanavat chat");
            await Assertions.Expect(visitor.Locator($"tr[data-municipality={reached}]")).ToHaveClassAsync("reached");
        }

        await Assertions.Expect(Tile(visitor, "enontekio")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\breached\b"));
        await Assertions.Expect(Tile(visitor, "tornio")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\boutside\b"));

        // The tile is a link: it narrows the list to the municipality.
        await Tile(visitor, "inari").ClickAsync();
        Assert.Contains("municipality=inari", visitor.Url);
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Áilu Aikio" })).ToBeVisibleAsync();
        var filtered = visitor.Url;

        // The same page with JavaScript (for axe-core) on a phone: accessible and no sideways scrolling.
        await using var phoneContext = await browser.NewContextAsync(_site.BaseUrl, phone: true);
        var phone = await phoneContext.NewPageAsync();
        await phone.GotoAsync(filtered);
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await phone.AssertFitsTheScreenAsync(filtered);

        await ailu.GotoAsync("/Network/Profile");
        await ailu.GetByRole(AriaRole.Button, new() { Name = "Poistu verkostosta" }).ClickAsync();
        await Assertions.Expect(ailu.GetByText("Olet poistunut verkostosta.")).ToBeVisibleAsync();

        await visitor.GotoAsync(filtered);
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Palveluja löytyi: 0" })).ToBeVisibleAsync();
        Assert.Equal(0, await visitor.GetByText("Áilu Aikio").CountAsync());
        await Assertions.Expect(Tile(visitor, "utsjoki")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\breached\b"));
    }

    [Fact]
    public async Task The_Swedish_and_English_addresses_speak_their_language_and_the_switcher_moves_between_them()
    {
        await using var context = await browser.NewContextAsync(_site.BaseUrl, phone: true);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/natverk?language=se");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vägledningsnätverket", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Språk", Exact = true })).ToHaveValueAsync("se");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/network");
        Assert.Contains("language=se", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Guidance network", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Suomi" }).ClickAsync();
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/verkosto");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ohjausverkosto", Level = 1 })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Curation_gap_and_area_pages_have_no_serious_axe_violations(bool phone)
    {
        var admin = await TestUsers.CreateAsync(_site.Services, "admin@example.fi", "Anja Admin", Roles.Admin);
        await NetworkKit.DbAsync(_site.Services, db => db.Users.Where(u => u.Id == admin.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Region, "lappi")));
        await using var context = await browser.NewContextAsync(_site.BaseUrl, phone);
        var page = await context.NewPageAsync();
        await JoinAsync(page, "admin@example.fi", "Rovaniemi", ["Ranua"], "opinto-ohjaus", ["englanti"], "puhelin");

        foreach (var url in new[] { "/Network/Profile", "/Network/Coordination/Index", "/Network/Coordination/Gaps", "/Network/Admin/Areas", "/verkosto" })
        {
            await page.GotoAsync(url);
            Assert.DoesNotContain("/Account/", page.Url);
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await page.AssertFitsTheScreenAsync(url);
        }
    }

    private static ILocator Tile(IPage page, string code) => page.Locator($"svg a[data-municipality={code}]");

    private static async Task JoinAsync(IPage page, string email, string home, string[] served, string service, string[] languages, string channel)
    {
        await page.SignInAsync(email);
        await page.GotoAsync("/Network/Profile");
        await page.GetByLabel("Tehtävänimike").FillAsync("Ohjaaja");
        await page.GetByLabel("Organisaatio").FillAsync("Lapin ohjauspalvelut");
        await page.GetByLabel("Kotikunta (toimipaikka)").SelectOptionAsync(new SelectOptionValue { Label = home });
        foreach (var m in served)
        {
            await page.GetByRole(AriaRole.Checkbox, new() { Name = m, Exact = true }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Checkbox, new() { Name = service, Exact = true }).CheckAsync();
        foreach (var language in languages)
        {
            await page.GetByRole(AriaRole.Checkbox, new() { Name = language, Exact = true }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Checkbox, new() { Name = channel, Exact = true }).CheckAsync();
        await page.GetByLabel($"Tavoitettavuus: {channel}").FillAsync("ma–pe 9–15");
        await page.GetByLabel("Julkinen yhteystieto").FillAsync("ohjaus@example.fi, 040 123 4567");
        await page.GetByRole(AriaRole.Button, new() { Name = "Liity verkostoon" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Verkostoprofiilisi on tallennettu")).ToBeVisibleAsync();
    }
}
