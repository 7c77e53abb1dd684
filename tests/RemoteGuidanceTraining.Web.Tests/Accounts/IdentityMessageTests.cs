using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Accounts;

/// <summary>Identity's messages a user can meet are in the page's language, not Identity's built-in English.</summary>
public sealed class IdentityMessageTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Theory]
    [InlineData("fi", "Tiliä muutettiin samaan aikaan toisaalla, joten mitään ei tallennettu. Yritä uudelleen.")]
    [InlineData("sv", "Kontot ändrades samtidigt på annat håll, så inget sparades. Försök igen.")]
    public void A_save_lost_to_another_change_of_the_account_is_told_in_the_pages_language(string language, string expected)
    {
        // Found when a double-clicked set-password form showed "Optimistic concurrency failure, object has been modified."
        using var scope = _site.Services.CreateScope();
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(language);
        try
        {
            Assert.Equal(expected, scope.ServiceProvider.GetRequiredService<IdentityErrorDescriber>().ConcurrencyFailure().Description);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
