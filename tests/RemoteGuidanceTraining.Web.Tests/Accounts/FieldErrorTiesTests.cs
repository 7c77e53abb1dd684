using System.Net;
using System.Text.RegularExpressions;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Accounts;

/// <summary>
/// A screen reader on a field with an error hears that it is invalid and what is wrong: the field has aria-invalid
/// and its aria-describedby names the message (after the hint, where there is one). Shared by every asp-for form.
/// </summary>
public sealed class FieldErrorTiesTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task The_change_password_form_ties_each_wrong_field_to_its_message()
    {
        var email = $"aria-{Guid.NewGuid():N}@example.fi";
        await TestUsers.CreateAsync(site.Services, email);
        var client = site.CreateBrowserLikeClient();
        await client.SignInAsync(email, TestUsers.Password);

        var response = await client.PostFormAsync("/Account/Manage/Password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = TestUsers.Password, ["Input.NewPassword"] = "lyhyt", ["Input.ConfirmPassword"] = "",
        });

        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        AssertTied(page, "Input_NewPassword", "password-hint Input_NewPassword-error");
        AssertTied(page, "Input_ConfirmPassword", "Input_ConfirmPassword-error");
        Assert.Contains("id=\"Input_ConfirmPassword-error\"", page);
        Assert.DoesNotMatch("<input[^>]*id=\"Input_CurrentPassword\"[^>]*aria-invalid", page); // it was right
    }

    [Fact]
    public async Task The_registration_form_ties_each_wrong_field_to_its_message()
    {
        var response = await site.CreateBrowserLikeClient().PostFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.FullName"] = "", ["Input.Email"] = "ei-osoite", ["Input.Organisation"] = "",
        });

        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        AssertTied(page, "Input_FullName", "fullname-hint Input_FullName-error");
        AssertTied(page, "Input_Email", "Input_Email-error");
    }

    private static void AssertTied(string page, string id, string describedBy)
    {
        var field = Regex.Match(page, $"<input[^>]*id=\"{id}\"[^>]*>").Value;
        Assert.Contains("aria-invalid=\"true\"", field);
        Assert.Contains($"aria-describedby=\"{describedBy}\"", field);
        Assert.Matches($"<span[^>]*id=\"{id}-error\"[^>]*>[^<]*\\S", page); // the message itself, not an empty span
    }
}
