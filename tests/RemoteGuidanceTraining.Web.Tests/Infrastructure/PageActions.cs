using Microsoft.Playwright;

namespace RemoteGuidanceTraining.Web.Tests.Infrastructure;

/// <summary>Steps several browser tests take, written once.</summary>
public static class PageActions
{
    /// <summary>Signs in through the Finnish sign-in form and waits until the site has let the user in.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password = TestUsers.Password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Sähköpostiosoite").FillAsync(email);
        await page.GetByLabel("Salasana").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirjaudu", Exact = true }).ClickAsync();
        // Waits for what the user sees, the signed-in page's sign-out button (the sign-in page has none), not for a load
        // state: in CI the load event after the redirect once never reached Playwright, and a URL wait that finds the
        // page already there waits for a "commit" state that has passed, until its 30 s run out.
        // The button is found by its form, as a user whose language is not Finnish sees it in their own language.
        await Assertions.Expect(page.Locator("form[action='/Account/Logout'] button")).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    /// <summary>
    /// Fails when something on the page is wider than the browser's viewport. A phone (a mobile context) widens its
    /// layout viewport to fit such content, so window.innerWidth alone would grow with it and never tell.
    /// </summary>
    public static async Task AssertFitsTheScreenAsync(this IPage page, string what)
    {
        var viewport = page.ViewportSize!.Width;
        var width = await page.EvaluateAsync<int>("() => Math.max(window.innerWidth, document.documentElement.scrollWidth)");
        Assert.True(width <= viewport, $"{what} is {width} px wide on a {viewport} px screen.");
    }
}
