using System.Net;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Admin;

/// <summary>
/// The admin's organisation forms: a tampered membership choice changes nothing, while choosing "no organisation"
/// still clears it.
/// </summary>
public sealed class AdminOrganisationFormTests : IDisposable
{
    private readonly LearningSite _learning = new();

    private IServiceProvider Services => _learning.Site.Services;

    public void Dispose() => _learning.Dispose();

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
