using System.Net;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Accounts;

/// <summary>A new password outside the allowed length is told both limits: before, one too long was told it was too short.</summary>
public sealed class PasswordLengthTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Theory]
    [InlineData(201)]
    [InlineData(5)]
    public async Task A_new_password_of_the_wrong_length_is_told_both_limits(int length)
    {
        var user = await TestUsers.CreateAsync(_site.Services, "pituus@example.fi");
        var client = _site.CreateBrowserLikeClient();
        await client.SignInAsync(user.Email!, TestUsers.Password);
        var password = new string('s', length);

        var response = await client.PostFormAsync("/Account/Manage/Password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = TestUsers.Password, ["Input.NewPassword"] = password, ["Input.ConfirmPassword"] = password,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Salasanassa on oltava vähintään 10 ja enintään 200 merkkiä.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
