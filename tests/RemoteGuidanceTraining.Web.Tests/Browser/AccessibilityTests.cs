using Microsoft.Playwright;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AccessibilityTests(BrowserFixture browser) : IAsyncLifetime
{
    private KestrelSite _site = null!;

    public async Task InitializeAsync() => _site = await KestrelSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Theory]
    [InlineData("/", false)]
    [InlineData("/", true)]
    [InlineData("/Account/Register", false)]
    [InlineData("/Account/Register", true)]
    [InlineData("/Account/Login", false)]
    [InlineData("/Account/ForgotPassword", true)]
    public async Task Public_pages_have_no_serious_axe_violations(string url, bool phone)
    {
        await using var context = await browser.NewContextAsync(_site.BaseUrl, phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);

        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task Each_fact_on_a_course_page_stands_beside_its_label_on_a_wide_screen()
    {
        // A later rule for boxed facts overrode the two columns of term/value pairs: at 1280 px they ran on across
        // three columns, "Laajuus" above the course's language and the language's label beside the extent.
        await using var context = await browser.NewContextAsync(_site.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/courses/etaohjauksen-perusteet");

        var offsets = await page.EvaluateAsync<double[]>(
            "() => [...document.querySelectorAll('dl.facts > dt')].map(dt => Math.abs(dt.getBoundingClientRect().top - dt.nextElementSibling.getBoundingClientRect().top))");

        Assert.NotEmpty(offsets);
        Assert.All(offsets, offset => Assert.True(offset < 2, $"a value sits {offset} px off its label's line"));
    }

    [Fact]
    public async Task Register_page_with_validation_errors_has_no_serious_axe_violations()
    {
        await using var context = await browser.NewContextAsync(_site.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Register");
        await page.GetByRole(AriaRole.Button, new() { Name = "Luo tili" }).ClickAsync();

        // Before, the page came back with focus on nothing and the same title: a screen reader heard no failure.
        await Assertions.Expect(page.Locator("#form-errors")).ToBeFocusedAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Virhe: "));
        await page.Locator("#form-errors").GetByRole(AriaRole.Link, new() { Name = "Koko nimi on pakollinen tieto." }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Koko nimi")).ToBeFocusedAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Theory]
    [InlineData("/Admin/Users", false)]
    [InlineData("/Admin/Users", true)]
    [InlineData("/Account/Manage", false)]
    [InlineData("/Account/Manage/Password", true)]
    public async Task Signed_in_pages_have_no_serious_axe_violations(string url, bool phone)
    {
        await TestUsers.CreateAsync(_site.Services, "admin@example.fi", "Anna Admin", Roles.Admin);
        await TestUsers.CreateAsync(_site.Services, "kouluttaja@example.fi", "Kalle Kouluttaja", Roles.Trainer);
        await using var context = await browser.NewContextAsync(_site.BaseUrl, phone);
        var page = await context.NewPageAsync();
        await page.SignInAsync("admin@example.fi");

        await page.GotoAsync(url);

        Assert.DoesNotContain("/Account/Login", page.Url);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AccessibilityCheckTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_check_itself_catches_a_serious_violation()
    {
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("<html lang=\"fi\"><head><title>t</title></head><body><main><img src=\"x.png\"><input type=\"text\"><p style=\"color:#bbb;background:#fff\">Vaalea teksti</p></main></body></html>");

        var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => Accessibility.AssertNoSeriousViolationsAsync(page));

        Assert.Contains("image-alt (critical)", failure.Message);
        Assert.Contains("label (critical)", failure.Message);
        Assert.Contains("color-contrast (serious)", failure.Message);
        Assert.Contains("[\"img\"]", failure.Message);
    }
}
