using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Accounts;

public sealed class CreateAdminCommandTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task Creates_a_confirmed_admin_who_can_open_the_admin_page()
    {
        var output = new StringWriter();

        var exit = await CreateAdminCommand.RunAsync(site.Services,
            ["create-admin", "--email", "paakayttaja@example.fi", "--name", "Päivi Pääkäyttäjä", "--password", "ylläpitäjän-salasana"], output);

        Assert.Equal(0, exit);
        Assert.Contains("paakayttaja@example.fi is an admin.", output.ToString());
        var client = site.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("paakayttaja@example.fi", "ylläpitäjän-salasana")).StatusCode);
        var page = await client.GetStringAsync("/Admin/Users");
        Assert.Contains("Päivi Pääkäyttäjä", page);
    }

    [Fact]
    public async Task Generates_and_prints_a_password_when_none_is_given()
    {
        var output = new StringWriter();

        var exit = await CreateAdminCommand.RunAsync(site.Services, ["create-admin", "--email", "toinen@example.fi", "--name", "Toni Toinen"], output);

        Assert.Equal(0, exit);
        var password = output.ToString().Split('\n').Single(l => l.StartsWith("Password", StringComparison.Ordinal)).Split(": ")[1].Trim();
        Assert.True(password.Length >= 16);
        Assert.Equal(HttpStatusCode.Redirect, (await site.CreateBrowserLikeClient().SignInAsync("toinen@example.fi", password)).StatusCode);
    }

    [Fact]
    public async Task Promotes_an_existing_account_without_touching_its_password()
    {
        await TestUsers.CreateAsync(site.Services, "olemassa@example.fi");

        var exit = await CreateAdminCommand.RunAsync(site.Services, ["create-admin", "--email", "olemassa@example.fi", "--name", "X"], new StringWriter());

        Assert.Equal(0, exit);
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync("olemassa@example.fi");
        Assert.True(await users.IsInRoleAsync(user!, Roles.Admin));
        Assert.True(await users.CheckPasswordAsync(user!, TestUsers.Password));
    }

    [Fact]
    public async Task Without_email_and_name_it_prints_usage_and_fails()
    {
        var output = new StringWriter();

        Assert.Equal(2, await CreateAdminCommand.RunAsync(site.Services, ["create-admin"], output));
        Assert.Contains("Usage: create-admin", output.ToString());
    }
}
