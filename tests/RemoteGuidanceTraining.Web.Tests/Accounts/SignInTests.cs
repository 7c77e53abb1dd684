using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Accounts;

public sealed class SignInTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task The_pages_read_the_same_user_id_as_Identity()
    {
        var email = $"id-{Guid.NewGuid():N}@example.fi";
        await TestUsers.CreateAsync(site.Services, email);
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user!);

        Assert.Equal(ClaimTypes.NameIdentifier, scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.UserIdClaimType);
        Assert.Equal(user!.Id, principal.UserId());
        Assert.Equal(users.GetUserId(principal), principal.UserId());
    }

    [Fact]
    public async Task Account_is_locked_after_five_failed_sign_ins_without_telling_a_stranger_that_the_address_has_an_account()
    {
        var email = $"l-{Guid.NewGuid():N}@example.fi";
        var unknown = $"ei-{Guid.NewGuid():N}@example.fi";
        await TestUsers.CreateAsync(site.Services, email);
        var client = site.CreateBrowserLikeClient();

        var answers = new List<string>();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            foreach (var address in new[] { email, unknown })
            {
                var failed = await client.SignInAsync(address, "wrong-password-" + attempt);
                Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
                answers.Add(Message(await failed.Content.ReadAsStringAsync()));
            }
        }

        // The sixth try of the real account is locked out; it reads exactly as the unknown address's sixth try.
        Assert.Single(answers.Distinct());
        Assert.Contains("Jos salasana annetaan väärin 5 kertaa peräkkäin, kirjautuminen estetään 15 minuutiksi.", answers[0]);
        var rightPassword = await client.SignInAsync(email, TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode);
        Assert.Equal(answers[0], Message(await rightPassword.Content.ReadAsStringAsync()));
    }

    /// <summary>The sign-in page's error summary, the only part that differs between answers.</summary>
    private static string Message(string page)
    {
        var start = page.IndexOf("Sähköpostiosoite tai salasana on väärä", StringComparison.Ordinal);
        Assert.True(start >= 0, "no sign-in failure message");
        return page[start..page.IndexOf('<', start)];
    }

    [Fact]
    public async Task Registering_asks_no_password_and_the_mailed_link_sets_it()
    {
        var email = $"u-{Guid.NewGuid():N}@example.fi";
        var client = site.CreateBrowserLikeClient();
        var form = await client.GetStringAsync("/Account/Register");
        Assert.DoesNotContain("type=\"password\"", form);
        await client.PostFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Unto Vahvistamaton",
            ["Input.Email"] = email,
        });

        var link = PickupMailbox.LinkIn(await site.Mailbox.WaitForAsync(email), "/Account/SetPassword");
        Assert.StartsWith(TestSite.BaseUrl + "/Account/SetPassword", link);
        var set = await client.SetPasswordFromLinkAsync(link, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("/my-studies", set.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/my-studies")).StatusCode);
    }

    [Fact]
    public async Task Registration_errors_are_shown_in_Finnish_next_to_the_fields()
    {
        var response = await site.CreateBrowserLikeClient().PostFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.FullName"] = "",
            ["Input.Email"] = "not-an-address",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Koko nimi on pakollinen tieto.", html);
        Assert.Contains("Tarkista sähköpostiosoite.", html);
    }

    [Fact]
    public async Task Forgotten_password_can_be_reset_from_the_mailed_link()
    {
        var email = $"f-{Guid.NewGuid():N}@example.fi";
        await TestUsers.CreateAsync(site.Services, email);
        var client = site.CreateBrowserLikeClient();

        await client.PostFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = email });
        var link = PickupMailbox.LinkIn(await site.Mailbox.WaitForAsync(email), "/Account/SetPassword");
        var reset = await client.SetPasswordFromLinkAsync(link, "uusi-salasana-456");

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await site.CreateBrowserLikeClient().SignInAsync(email, "uusi-salasana-456")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.CreateBrowserLikeClient().SignInAsync(email, TestUsers.Password)).StatusCode);
        // The link works once: the new password changed the security stamp the token was bound to.
        Assert.Contains("Linkki on vanhentunut", await (await client.SetPasswordFromLinkAsync(link, "kolmas-salasana-789")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Forgot_password_does_not_reveal_whether_an_address_is_registered()
    {
        var response = await site.CreateBrowserLikeClient().PostFormAsync("/Account/ForgotPassword",
            new Dictionary<string, string> { ["Email"] = "nobody@example.fi" });

        Assert.Equal("/Account/ForgotPasswordConfirmation", response.Headers.Location?.OriginalString);
        Assert.Empty(site.Mailbox.To("nobody@example.fi"));
    }
}

public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task Sign_in_posts_beyond_the_limit_get_429()
    {
        using var site = TestSite.With(new Dictionary<string, string?> { ["Security:SignInAttemptsPerMinute"] = "3" });
        var client = site.CreateBrowserLikeClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.SignInAsync("x@example.fi", "whatever-password")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
