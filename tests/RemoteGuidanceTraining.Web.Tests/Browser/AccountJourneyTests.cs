using Microsoft.Playwright;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AccountJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private KestrelSite _site = null!;

    public async Task InitializeAsync() => _site = await KestrelSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Register_confirm_sign_in_switch_language_and_sign_out_on_a_phone()
    {
        await using var context = await browser.NewContextAsync(_site.BaseUrl, phone: true);
        var page = await context.NewPageAsync();
        const string email = "aino.ahonen@example.fi";

        await page.GotoAsync("/");
        Assert.Equal("fi", await page.GetAttributeAsync("html", "lang"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Luo tili" }).First.ClickAsync();
        await page.GetByLabel("Koko nimi").FillAsync("Aino Ähtäri-Öhman");
        await page.GetByLabel("Sähköpostiosoite").FillAsync(email);
        await page.GetByLabel("Organisaatio (oma ilmoitus)").FillAsync("Lapin ammattiopisto");
        await page.GetByRole(AriaRole.Button, new() { Name = "Luo tili" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tarkista sähköpostisi" })).ToBeVisibleAsync();

        var mail = await _site.Mailbox.WaitForAsync(email);
        await page.GotoAsync(PickupMailbox.LinkIn(mail, "/Account/SetPassword"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vahvista osoite ja valitse salasana" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Uusi salasana").FillAsync("kunnon-pitka-salasana");
        await page.GetByLabel("Salasana uudelleen").FillAsync("kunnon-pitka-salasana");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna salasana ja kirjaudu" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Omat opinnot" })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByText("Olet kirjautunut nimellä Aino Ähtäri-Öhman.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Svenska" }).ClickAsync();
        Assert.Equal("sv", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Fortbildning i distansvägledning");
        await Assertions.Expect(page.GetByText("Du är inloggad som Aino Ähtäri-Öhman.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("In-service training in remote guidance");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByText("You have signed out.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Skip_link_is_the_first_stop_for_the_keyboard_and_moves_focus_to_the_content()
    {
        await using var context = await browser.NewContextAsync(_site.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Siirry sisältöön", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");

        Assert.EndsWith("#main", page.Url);
    }
}
