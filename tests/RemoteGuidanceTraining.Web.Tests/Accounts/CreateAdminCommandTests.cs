using System.Globalization;
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
    public async Task An_account_registered_on_the_web_but_never_confirmed_gets_the_given_password_and_can_sign_in()
    {
        await site.WithServicesAsync(s => s.GetRequiredService<AccountSetup>().RegisterAsync("vahvistamaton@example.fi", "Joku Muu", null, "fi"));
        var output = new StringWriter();

        var exit = await CreateAdminCommand.RunAsync(site.Services,
            ["create-admin", "--email", "vahvistamaton@example.fi", "--name", "Veera Vahvistamaton", "--password", "operaattorin-salasana"], output);

        Assert.Equal(0, exit);
        Assert.Contains("the address is now confirmed", output.ToString());
        var client = site.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("vahvistamaton@example.fi", "operaattorin-salasana")).StatusCode);
        Assert.Contains("Veera Vahvistamaton", await client.GetStringAsync("/Admin/Users"));
    }

    [Fact]
    public async Task An_account_with_a_password_keeps_it_and_the_output_says_the_given_one_was_not_used()
    {
        await TestUsers.CreateAsync(site.Services, "salasanallinen@example.fi");
        var output = new StringWriter();

        var exit = await CreateAdminCommand.RunAsync(site.Services,
            ["create-admin", "--email", "salasanallinen@example.fi", "--name", "X", "--password", "uusi-salasana-123"], output);

        Assert.Equal(0, exit);
        Assert.Contains("has a password, which is unchanged: --password was not used.", output.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await site.CreateBrowserLikeClient().SignInAsync("salasanallinen@example.fi", TestUsers.Password)).StatusCode);
    }

    [Theory]
    [InlineData("lyhyt@example.fi", "lyhyt", "The password must have at least 10 characters.")]
    [InlineData("pia@example.fi.", "riittävän-pitkä", "The dots in the e-mail address are misplaced")]
    [InlineData(".pia@example.fi", "riittävän-pitkä", "The dots in the e-mail address are misplaced")]
    [InlineData("pää@example.fi", "riittävän-pitkä", "only the letters a–z")]
    [InlineData("ei-osoite", "riittävän-pitkä", "Check the e-mail address.")]
    [InlineData("pia.pitka.osoite.joka.ei.mahdu.sahkopostin.kuljetukseen.mitenkaan@example.fi", "riittävän-pitkä", "Part of the e-mail address is too long")]
    public async Task Refuses_what_registration_refuses_with_a_readable_message_given_once(string email, string password, string message)
    {
        // A server under the C locale: the errors used to come out as resource keys ("Identity.PasswordTooShort").
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        var output = new StringWriter();
        try
        {
            Assert.Equal(1, await CreateAdminCommand.RunAsync(site.Services, ["create-admin", "--email", email, "--name", "Pia", "--password", password], output));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        var text = output.ToString();
        Assert.Equal(2, text.Split(message).Length);
        Assert.DoesNotContain("Identity.", text);
        Assert.DoesNotContain("Validation.", text);
        using var scope = site.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task Without_email_and_name_it_prints_usage_and_fails()
    {
        var output = new StringWriter();

        Assert.Equal(2, await CreateAdminCommand.RunAsync(site.Services, ["create-admin"], output));
        Assert.Contains("Usage: create-admin", output.ToString());
    }
}
