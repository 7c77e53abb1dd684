using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Tests.Infrastructure;

public static class TestUsers
{
    public const string Password = "pitka-salasana-123";

    /// <summary>A confirmed account with the given extra roles, created straight through Identity.</summary>
    public static async Task<AppUser> CreateAsync(IServiceProvider services, string email, string fullName = "Testi Käyttäjä", params string[] roles)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = fullName };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        await users.AddToRolesAsync(user, [Roles.Participant, .. roles]);
        return user;
    }

    /// <summary>A new coordinator of one organisation, signed in: the client and the account's id.</summary>
    public static async Task<(HttpClient Client, string Id)> SignedInCoordinatorAsync(TestSite site, string organisation, string? email = null)
    {
        email ??= $"k-{Guid.NewGuid():N}@example.fi";
        var user = await CreateAsync(site.Services, email, "Kirsi Koordinaattori", Roles.Coordinator);
        await TestOrganisations.CoordinateAsync(site.Services, user.Id, organisation);
        var client = site.CreateBrowserLikeClient();
        await client.SignInAsync(email, Password);
        return (client, user.Id);
    }
}
