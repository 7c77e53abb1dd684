using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Accounts;

public sealed class AuthorizationTests(TestSite site) : IClassFixture<TestSite>
{
    /// <summary>Every page under /Admin. A new admin page belongs in this list.</summary>
    public static TheoryData<string> AdminPages => new() { "/Admin/Users", "/Admin/Users?q=a&p=2", "/Network/Admin/Areas" };

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Anonymous_visitor_is_sent_to_sign_in(string url)
    {
        var response = await site.CreateBrowserLikeClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Participant_gets_403_on_admin_pages(string url)
    {
        var client = await SignedInClientAsync($"p-{Guid.NewGuid():N}@example.fi");

        var response = await client.GetAsync(url);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
            response = await client.GetAsync(response.Headers.Location);
        }

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Trainer)]
    [InlineData(Roles.Coordinator)]
    public async Task Trainers_and_coordinators_are_not_admins(string role)
    {
        var client = await SignedInClientAsync($"r-{Guid.NewGuid():N}@example.fi", role);

        var response = await client.GetAsync("/Admin/Users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Participant_cannot_grant_roles_by_posting_to_the_admin_page()
    {
        var email = $"p-{Guid.NewGuid():N}@example.fi";
        var client = await SignedInClientAsync(email);
        var self = await FindUserIdAsync(email);

        var response = await client.PostFormAsync("/Admin/Users?handler=Roles",
            new Dictionary<string, string> { ["userId"] = self, ["roles"] = Roles.Admin }, formUrl: "/Account/Manage");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await IsInRoleAsync(email, Roles.Admin));
    }

    [Fact]
    public async Task Admin_grants_and_removes_a_role()
    {
        var admin = await SignedInClientAsync($"a-{Guid.NewGuid():N}@example.fi", Roles.Admin);
        var email = $"t-{Guid.NewGuid():N}@example.fi";
        await TestUsers.CreateAsync(site.Services, email, "Tuuli Kouluttaja");
        var id = await FindUserIdAsync(email);

        var granted = await admin.PostFormAsync("/Admin/Users?handler=Roles",
            new Dictionary<string, string> { ["userId"] = id, ["roles"] = Roles.Trainer }, formUrl: "/Admin/Users");
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.True(await IsInRoleAsync(email, Roles.Trainer));

        await admin.PostFormAsync("/Admin/Users?handler=Roles", new Dictionary<string, string> { ["userId"] = id }, formUrl: "/Admin/Users");
        Assert.False(await IsInRoleAsync(email, Roles.Trainer));
        Assert.True(await IsInRoleAsync(email, Roles.Participant));
    }

    [Fact]
    public async Task Account_pages_need_sign_in()
    {
        foreach (var url in new[] { "/Account/Manage", "/Account/Manage/Email", "/Account/Manage/Password" })
        {
            var response = await site.CreateBrowserLikeClient().GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
        }
    }

    private async Task<HttpClient> SignedInClientAsync(string email, params string[] roles)
    {
        await TestUsers.CreateAsync(site.Services, email, "Testi Käyttäjä", roles);
        var client = site.CreateBrowserLikeClient();
        var response = await client.SignInAsync(email, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private async Task<string> FindUserIdAsync(string email)
    {
        string id = "";
        await site.WithServicesAsync(async services =>
            id = (await services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.AppUser>>().FindByEmailAsync(email))!.Id);
        return id;
    }

    private async Task<bool> IsInRoleAsync(string email, string role)
    {
        var result = false;
        await site.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.AppUser>>();
            result = await users.IsInRoleAsync((await users.FindByEmailAsync(email))!, role);
        });
        return result;
    }
}
