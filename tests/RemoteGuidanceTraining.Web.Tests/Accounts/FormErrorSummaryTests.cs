using System.Net;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Accounts;

/// <summary>
/// A page answering a failed post starts its title with "Virhe:" and puts the errors first, each linked to its field,
/// where the focus lands: before, only the fields' own messages changed, which a screen reader did not announce.
/// </summary>
public sealed class FormErrorSummaryTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task A_wrong_password_is_announced_in_the_title_and_the_summary()
    {
        var client = site.CreateBrowserLikeClient();

        var response = await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = "ei@example.fi", ["Input.Password"] = "vaara-salasana" });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Matches("<title>Virhe: [^<]+</title>", html);
        Assert.Matches("<div class=\"form-errors\" role=\"alert\" id=\"form-errors\" tabindex=\"-1\" autofocus>", html);
    }

    [Fact]
    public async Task Each_field_error_links_to_its_field_in_the_pages_language()
    {
        var client = site.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv");

        var response = await client.PostFormAsync("/Account/Register", new Dictionary<string, string> { ["Input.FullName"] = "", ["Input.Email"] = "" });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Matches("<title>Fel: [^<]+</title>", html);
        Assert.Contains("<li><a href=\"#Input_FullName\">", html);
        Assert.Contains("<li><a href=\"#Input_Email\">", html);
        Assert.Contains("id=\"Input_FullName\"", html);
    }

    [Fact]
    public async Task The_summary_lists_errors_in_the_forms_order()
    {
        // Before, in ModelState's order (shorter names first): e-mail before name on the register form. The form has
        // name, e-mail, organisation (the organisation declared with the name in a shared base class).
        var response = await site.CreateBrowserLikeClient().PostFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.FullName"] = "", ["Input.Email"] = "", ["Input.Organisation"] = new string('o', 201),
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        var name = html.IndexOf("<li><a href=\"#Input_FullName\">", StringComparison.Ordinal);
        var email = html.IndexOf("<li><a href=\"#Input_Email\">", StringComparison.Ordinal);
        var organisation = html.IndexOf("<li><a href=\"#Input_Organisation\">", StringComparison.Ordinal);
        Assert.True(name >= 0 && name < email && email < organisation, $"name {name}, e-mail {email}, organisation {organisation}");
    }

    [Fact]
    public async Task A_wrong_current_password_stands_by_its_field_and_links_to_it()
    {
        await TestUsers.CreateAsync(site.Services, "salasana.vaihto@example.fi");
        var client = site.CreateBrowserLikeClient();
        await client.SignInAsync("salasana.vaihto@example.fi", TestUsers.Password);

        var response = await client.PostFormAsync("/Account/Manage/Password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "vaara-vaara-vaara", ["Input.NewPassword"] = "uusi-pitka-salasana", ["Input.ConfirmPassword"] = "uusi-pitka-salasana",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("<li><a href=\"#Input_CurrentPassword\">", html);
        Assert.Contains("id=\"Input_CurrentPassword-error\"", html);
        Assert.Matches("<input[^>]*id=\"Input_CurrentPassword\"[^>]*aria-invalid=\"true\"", html);
    }

    [Fact]
    public async Task A_get_with_a_query_value_that_does_not_bind_is_no_error()
    {
        await TestUsers.CreateAsync(site.Services, "yllapito.kysely@example.fi", "Ylläpito Kysely", Roles.Admin);
        var admin = site.CreateBrowserLikeClient();
        await admin.SignInAsync("yllapito.kysely@example.fi", TestUsers.Password);

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Users?p=abc"));

        Assert.DoesNotContain("<title>Virhe:", html);
    }

    [Fact]
    public async Task A_page_without_errors_keeps_its_title_and_has_no_summary()
    {
        var html = WebUtility.HtmlDecode(await site.CreateBrowserLikeClient().GetStringAsync("/Account/Register"));

        Assert.DoesNotContain("<title>Virhe:", html);
        Assert.DoesNotContain("id=\"form-errors\"", html);
    }

    [Fact]
    public async Task A_refused_cohort_list_takes_the_focus_and_the_title()
    {
        var (coordinator, _) = await TestUsers.SignedInCoordinatorAsync(site, "Virhekunta");
        var created = await coordinator.PostFormAsync("/Coordination/Cohorts", new Dictionary<string, string>
        {
            ["Input.Name"] = "Ryhmä", ["Input.CourseId"] = "etaohjauksen-perusteet", ["Input.StartsOn"] = "2026-12-01", ["Input.EndsOn"] = "2027-03-01",
        });
        var cohort = created.Headers.Location!.OriginalString;

        var response = await coordinator.PostFormAsync($"{cohort}?handler=Typed", new Dictionary<string, string> { ["typed"] = "ei-osoite" }, formUrl: cohort);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Matches("<title>Virhe: [^<]+</title>", html);
        Assert.Contains("id=\"import-errors\" autofocus", html);
    }
}
