using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Learning;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Browser;

[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class PrivacyJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    /// <summary>The strictly necessary cookies the privacy notice lists; anything else is a new cookie to document.</summary>
    private static readonly string[] DocumentedCookies =
        ["rgt.auth", ".AspNetCore.Antiforgery.", ".AspNetCore.Mvc.CookieTempDataProvider", ".AspNetCore.Culture"];

    private KestrelSite _site = null!;

    public async Task InitializeAsync() => _site = await KestrelSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task A_participant_downloads_their_data_then_deletes_their_account_on_a_phone()
    {
        const string email = "pirjo.poistuja@example.fi";
        var user = await TestUsers.CreateAsync(_site.Services, email, "Pirjo Poistuja");
        using (var scope = _site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Enrollments.Add(new Enrollment { UserId = user.Id, CourseId = "etaohjauksen-perusteet" });
            await db.SaveChangesAsync();
        }

        await using var context = await browser.NewContextAsync(_site.BaseUrl, phone: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync(email);
        await AssertEveryCookieIsInTheNoticeAsync(context, page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Oma tili" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tallennetut tietoni" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Tallennetut tietoni" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Lataa tietoni (ZIP)" }).ClickAsync());
        var path = await download.PathAsync();
        using (var zip = ZipFile.OpenRead(path))
        {
            using var reader = new StreamReader(zip.GetEntry("my-data.json")!.Open());
            var json = await reader.ReadToEndAsync();
            Assert.Contains(email, json);
            Assert.Contains("etaohjauksen-perusteet", json);
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Siirry poistamaan tili" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Myönnetyt todistukset säilyvät nimelläsi")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.AssertFitsTheScreenAsync("The delete page");
        await page.GetByLabel("Nykyinen salasana").FillAsync("väärä-salasana-999");
        await page.GetByRole(AriaRole.Button, new() { Name = "Poista tili pysyvästi" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Salasana ei ole oikea.").First).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Nykyinen salasana").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Poista tili pysyvästi" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Tilisi ja henkilötietosi on poistettu.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Kirjaudu" }).First).ToBeVisibleAsync();
        var unexpected = (await context.CookiesAsync()).Select(c => c.Name).Where(n => !DocumentedCookies.Any(n.StartsWith)).ToList();
        Assert.True(unexpected.Count == 0, "cookies not in the privacy notice: " + string.Join(", ", unexpected));
        using (var scope = _site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(await db.Users.AnyAsync(u => u.Email == email));
        }
    }

    /// <summary>Each cookie the browser holds is named in the notice's cookie list (a name ending in * covers its variants).</summary>
    private static async Task AssertEveryCookieIsInTheNoticeAsync(IBrowserContext context, IPage page)
    {
        var names = (await context.CookiesAsync()).Select(c => c.Name).ToList();
        var notice = await context.NewPageAsync();
        await notice.GotoAsync(new Uri(new Uri(page.Url), "/tietosuoja").ToString());
        var listed = await notice.Locator("li > code").AllTextContentsAsync();
        await notice.CloseAsync();
        Assert.Contains("rgt.auth", names);
        var missing = names.Where(n => !listed.Any(l => l.EndsWith('*') ? n.StartsWith(l.TrimEnd('*'), StringComparison.Ordinal) : n == l)).ToList();
        Assert.True(missing.Count == 0, "cookies missing from the privacy notice: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("/tietosuoja", false, null)]
    [InlineData("/tietosuoja", true, null)]
    [InlineData("/saavutettavuus", false, null)]
    [InlineData("/saavutettavuus", true, null)]
    [InlineData("/Admin/Audit", false, "admin")]
    [InlineData("/Admin/Audit", true, "admin")]
    [InlineData("/Account/Manage/Data", true, "participant")]
    public async Task The_new_pages_have_no_serious_axe_violations_and_fit_a_phone(string url, bool phone, string? who)
    {
        await using var context = await browser.NewContextAsync(_site.BaseUrl, phone);
        var page = await context.NewPageAsync();
        if (who is not null)
        {
            var email = $"{who}@example.fi";
            await TestUsers.CreateAsync(_site.Services, email, "Anna Testaaja", who == "admin" ? [Roles.Admin] : []);
            await page.SignInAsync(email);
        }

        await page.GotoAsync(url);

        Assert.DoesNotContain("/Account/Login", page.Url);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.AssertFitsTheScreenAsync(url);
    }
}
