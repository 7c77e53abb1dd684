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
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirjaudu" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/Account/Login", StringComparison.Ordinal));
    }
}
