using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Trust;

/// <summary>
/// The registration form sent several times at once (a second tab, pressing again on a slow connection): every
/// request gets the same "check your mail" answer, and there is one account. Before, the requests that lost the race
/// for the address got a 500 (a unique-index or concurrency failure from the database).
/// </summary>
public sealed partial class RegistrationRaceTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task A_new_address_registered_many_times_at_once_gets_one_account_and_no_error()
    {
        var responses = await RegisterAtOnceAsync("tupla@example.fi", times: 8);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r));
        Assert.Equal(1, await AccountsAsync("TUPLA@EXAMPLE.FI"));
        Assert.True(await OutboxAsync("tupla@example.fi") >= 1, "a confirmation mail is on its way");
    }

    [Fact]
    public async Task An_unconfirmed_address_registered_again_many_times_at_once_gives_no_error()
    {
        await RegisterAtOnceAsync("vahvistamaton@example.fi", times: 1);

        var responses = await RegisterAtOnceAsync("vahvistamaton@example.fi", times: 8);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r));
        Assert.Equal(1, await AccountsAsync("VAHVISTAMATON@EXAMPLE.FI"));
    }

    private async Task<HttpStatusCode[]> RegisterAtOnceAsync(string email, int times)
    {
        var client = _site.CreateBrowserLikeClient();
        var token = await client.FormTokenAsync("/Account/Register");
        var fields = new Dictionary<string, string>
        {
            ["Input.FullName"] = "Tupla Klikkaaja", ["Input.Email"] = email, ["Input.Organisation"] = "", ["Input.PreferredLanguage"] = "fi",
            ["__RequestVerificationToken"] = token,
        };
        var posts = Enumerable.Range(0, times).Select(_ => client.PostAsync("/Account/Register", new FormUrlEncodedContent(fields)));
        return (await Task.WhenAll(posts)).Select(r => r.StatusCode).ToArray();
    }

    private async Task<int> AccountsAsync(string normalizedEmail)
    {
        using var scope = _site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.CountAsync(u => u.NormalizedEmail == normalizedEmail);
    }

    private async Task<int> OutboxAsync(string address)
    {
        using var scope = _site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.CountAsync(m => m.ToAddress == address);
    }

}
