using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Admin;

/// <summary>
/// The admin's organisation forms: a refused name or domain is shown again on the same page with the message, and a
/// tampered membership or scope choice changes nothing, while choosing "no organisation" or no scope still clears it.
/// </summary>
public sealed class AdminOrganisationFormTests : IDisposable
{
    private readonly LearningSite _learning = new();

    private IServiceProvider Services => _learning.Site.Services;

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task A_refused_organisation_name_or_domain_is_shown_again_with_the_message_and_what_was_typed()
    {
        var admin = await AdminAsync();
        var lapin = await TestOrganisations.EnsureAsync(Services, "Lapin ammattiopisto", "lappi");
        var longName = "Lapin " + new string('x', 195);

        var create = await admin.PostFormAsync("/Admin/Organisations?handler=Create", new Dictionary<string, string> { ["name"] = longName, ["region"] = "lappi" });
        var rename = await admin.PostFormAsync("/Admin/Organisations?handler=Update",
            new Dictionary<string, string> { ["id"] = $"{lapin}", ["name"] = longName, ["region"] = "lappi" });
        var domain = await admin.PostFormAsync("/Admin/Organisations?handler=AddDomain", new Dictionary<string, string> { ["id"] = $"{lapin}", ["domain"] = "ei domain" });

        Assert.Equal(HttpStatusCode.OK, create.StatusCode);
        var html = await create.Content.ReadAsStringAsync();
        Assert.Contains("Nimi on liian pitkä (enintään 200 merkkiä).", html);
        Assert.Contains($"id=\"new-name\" name=\"name\" value=\"{longName}\"", html);
        Assert.Matches("<option value=\"lappi\" selected", html);
        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
        html = await rename.Content.ReadAsStringAsync();
        Assert.Contains("Nimi on liian pitkä (enintään 200 merkkiä).", html);
        Assert.Contains($"id=\"name-{lapin}\" name=\"name\" value=\"{longName}\"", html);
        Assert.Equal(HttpStatusCode.OK, domain.StatusCode);
        html = await domain.Content.ReadAsStringAsync();
        Assert.Contains("value=\"ei domain\"", html);
        Assert.Equal(["Lapin ammattiopisto"], await _learning.DbAsync(db => db.Organisations.Select(o => o.Name).ToListAsync()));
        Assert.Equal(0, await _learning.DbAsync(db => db.OrganisationDomains.CountAsync()));

        var saved = await admin.PostFormAsync("/Admin/Organisations?handler=Create", new Dictionary<string, string> { ["name"] = "Lapin AMK", ["region"] = "lappi" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Tallennettu.", await admin.GetStringAsync("/Admin/Organisations"));
    }

    [Fact]
    public async Task A_merge_without_the_ticked_confirmation_is_refused_and_the_box_then_names_what_would_happen()
    {
        // Found in review: one click merged two organisations, deleting one and moving its people, with no confirmation.
        var admin = await AdminAsync();
        var person = await TestUsers.CreateAsync(Services, "p@example.fi", "Pekka Porrassalmi");
        var typo = await TestOrganisations.JoinAsync(Services, person.Id, "Lapin amk.");
        var right = await TestOrganisations.EnsureAsync(Services, "Lapin AMK");
        Assert.Matches("<input name=\"confirm\" type=\"checkbox\" value=\"true\" required>", await admin.GetStringAsync("/Admin/Organisations"));

        var refused = await admin.PostFormAsync("/Admin/Organisations?handler=Merge",
            new Dictionary<string, string> { ["sourceId"] = $"{typo}", ["targetId"] = $"{right}" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Organisaatioita ei yhdistetty: vahvista yhdistäminen rastittamalla ruutu. Mitään ei muutettu.", html);
        Assert.Contains("Ymmärrän, että Lapin amk. poistuu ja yhdistyy organisaatioon Lapin AMK: sen 1 henkilöä", html);
        Assert.Equal(2, await _learning.DbAsync(db => db.Organisations.CountAsync()));
        Assert.Equal(typo, await _learning.DbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.OrganisationId).SingleAsync()));

        var merged = await admin.PostFormAsync("/Admin/Organisations?handler=Merge",
            new Dictionary<string, string> { ["sourceId"] = $"{typo}", ["targetId"] = $"{right}", ["confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal(right, await _learning.DbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.OrganisationId).SingleAsync()));
        Assert.Equal(1, await _learning.DbAsync(db => db.Organisations.CountAsync()));
    }

    [Fact]
    public async Task A_name_that_differs_only_in_case_is_the_same_organisation()
    {
        // Found in review: "Kainuun ohjaamo" and "kainuun ohjaamo" could both be created, and people split between them.
        var admin = await AdminAsync();
        var kainuu = await TestOrganisations.EnsureAsync(Services, "Kainuun Ohjaamo", "kainuu");
        await TestOrganisations.EnsureAsync(Services, "Äänekosken kaupunki", "keski-suomi");

        var create = await admin.PostFormAsync("/Admin/Organisations?handler=Create", new Dictionary<string, string> { ["name"] = "kainuun ohjaamo", ["region"] = "kainuu" });
        var rename = await admin.PostFormAsync("/Admin/Organisations?handler=Update",
            new Dictionary<string, string> { ["id"] = $"{kainuu}", ["name"] = "ÄÄNEKOSKEN KAUPUNKI", ["region"] = "kainuu" });
        var ownCase = await admin.PostFormAsync("/Admin/Organisations?handler=Update",
            new Dictionary<string, string> { ["id"] = $"{kainuu}", ["name"] = "Kainuun ohjaamo", ["region"] = "kainuu" });

        Assert.Contains("Samanniminen organisaatio on jo olemassa.", await create.Content.ReadAsStringAsync());
        Assert.Contains("Samanniminen organisaatio on jo olemassa.", await rename.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, ownCase.StatusCode); // its own name in another case is a correction
        Assert.Equal(["Kainuun ohjaamo", "Äänekosken kaupunki"], await _learning.DbAsync(db => db.Organisations.OrderBy(o => o.Id).Select(o => o.Name).ToListAsync()));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData(null)]
    public async Task A_tampered_membership_choice_is_refused_and_the_verified_organisation_stays(string? organisationId)
    {
        var admin = await AdminAsync();
        var kirsi = await TestUsers.CreateAsync(Services, "kirsi@example.fi", "Kirsi Koordinaattori");
        var lapin = await TestOrganisations.JoinAsync(Services, kirsi.Id, "Lapin ammattiopisto", "lappi");

        var fields = organisationId is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["organisationId"] = organisationId };
        var refused = await admin.PostFormAsync($"/Admin/User/{kirsi.Id}?handler=Membership", fields, formUrl: $"/Admin/User/{kirsi.Id}");

        var page = await FollowAsync(admin, refused);
        Assert.DoesNotContain("Tallennettu.", page);
        Assert.Contains("Valitse organisaatio luettelosta.", page);
        Assert.Equal(lapin, await _learning.DbAsync(db => db.Users.Where(u => u.Id == kirsi.Id).Select(u => u.OrganisationId).SingleAsync()));

        var cleared = await admin.PostFormAsync($"/Admin/User/{kirsi.Id}?handler=Membership", new Dictionary<string, string> { ["organisationId"] = "" }, formUrl: $"/Admin/User/{kirsi.Id}");
        Assert.Contains("Tallennettu.", await FollowAsync(admin, cleared));
        Assert.Null(await _learning.DbAsync(db => db.Users.Where(u => u.Id == kirsi.Id).Select(u => u.OrganisationId).SingleAsync()));
    }

    [Theory]
    [InlineData("2147483648")]
    [InlineData("abc")]
    [InlineData("999999")]
    public async Task A_scope_post_with_an_organisation_that_is_no_number_or_none_of_the_list_is_refused_and_the_scope_stays(string tampered)
    {
        var admin = await AdminAsync();
        var kirsi = await TestUsers.CreateAsync(Services, "kirsi@example.fi", "Kirsi Koordinaattori");
        var lapin = await TestOrganisations.CoordinateAsync(Services, kirsi.Id, "Lapin ammattiopisto", "lappi");
        var oulun = await TestOrganisations.EnsureAsync(Services, "Oulun seudun ammattiopisto");

        var refused = await admin.PostFormFieldsAsync($"/Admin/User/{kirsi.Id}?handler=Scope",
            [new("organisations", oulun.ToString(CultureInfo.InvariantCulture)), new("organisations", tampered), new("regions", "lappi")],
            formUrl: $"/Admin/User/{kirsi.Id}");

        var page = await FollowAsync(admin, refused);
        Assert.DoesNotContain("Tallennettu.", page);
        Assert.Contains(tampered == "999999" ? "Organisaatiota tai käyttäjää ei löytynyt." : "Valitse organisaatiot ja alueet luettelosta.", page);
        Assert.Equal([lapin], await ActiveOrganisationsAsync(kirsi.Id));
        Assert.Equal(0, await _learning.DbAsync(db => db.CoordinatorAssignments.CountAsync(a => a.UserId == kirsi.Id && a.Region != null)));
    }

    [Fact]
    public async Task A_scope_post_of_the_forms_own_choices_is_saved_and_an_empty_one_clears_the_scope()
    {
        var admin = await AdminAsync();
        var kirsi = await TestUsers.CreateAsync(Services, "kirsi@example.fi", "Kirsi Koordinaattori");
        await TestOrganisations.CoordinateAsync(Services, kirsi.Id, "Lapin ammattiopisto", "lappi");
        var oulun = await TestOrganisations.EnsureAsync(Services, "Oulun seudun ammattiopisto");

        var saved = await admin.PostFormFieldsAsync($"/Admin/User/{kirsi.Id}?handler=Scope",
            [new("organisations", oulun.ToString(CultureInfo.InvariantCulture))], formUrl: $"/Admin/User/{kirsi.Id}");
        Assert.Contains("Tallennettu.", await FollowAsync(admin, saved));
        Assert.Equal([oulun], await ActiveOrganisationsAsync(kirsi.Id));

        var cleared = await admin.PostFormFieldsAsync($"/Admin/User/{kirsi.Id}?handler=Scope", [], formUrl: $"/Admin/User/{kirsi.Id}");
        Assert.Contains("Tallennettu.", await FollowAsync(admin, cleared));
        Assert.Empty(await ActiveOrganisationsAsync(kirsi.Id));
    }

    private Task<List<int>> ActiveOrganisationsAsync(string userId) =>
        _learning.DbAsync(db => db.CoordinatorAssignments.Where(a => a.UserId == userId && a.RemovedAtUtc == null && a.OrganisationId != null)
            .Select(a => a.OrganisationId!.Value).ToListAsync());

    private static async Task<string> FollowAsync(HttpClient client, HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
            ? await client.GetStringAsync(response.Headers.Location!.OriginalString)
            : await response.Content.ReadAsStringAsync();

    private async Task<HttpClient> AdminAsync()
    {
        await TestUsers.CreateAsync(Services, "admin@example.fi", "Anna Admin", Roles.Admin);
        var client = _learning.Site.CreateBrowserLikeClient();
        await client.SignInAsync("admin@example.fi", TestUsers.Password);
        return client;
    }
}
