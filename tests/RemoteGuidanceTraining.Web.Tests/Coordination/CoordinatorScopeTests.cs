using System.Net;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Coordination;

/// <summary>A coordinator of organisation A sees nothing of organisation B, whatever ids they put in URLs.</summary>
public sealed class CoordinatorScopeTests : IDisposable
{
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task Organisation_A_cannot_see_organisation_Bs_cohorts_reports_or_exports()
    {
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var b = await CoordinatorAsync("b@example.fi", "Organisaatio B");
        var cohortB = await CreateCohortAsync(b, "B:n ryhmä");
        await b.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohortB}?handler=Typed",
            new Dictionary<string, string> { ["typed"] = "bertta@example.fi;Bertta Beeläinen;Organisaatio B" }, formUrl: $"/Coordination/Cohorts/Cohort/{cohortB}");
        Assert.Contains("Bertta Beeläinen", await b.GetStringAsync($"/Coordination/Cohorts/Cohort/{cohortB}"));
        var invitation = await _learning.Site.Mailbox.WaitForAsync("bertta@example.fi");
        await _learning.Site.CreateBrowserLikeClient().SetPasswordFromLinkAsync(PickupMailbox.LinkIn(invitation, "/Account/SetPassword"), TestUsers.Password);

        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/Coordination/Cohorts/Cohort/{cohortB}")).StatusCode);
        Assert.DoesNotContain("B:n ryhmä", await a.GetStringAsync("/Coordination/Cohorts"));
        var upload = await a.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohortB}?handler=Typed",
            new Dictionary<string, string> { ["typed"] = "tunkeilija@example.fi;Tunkeilija" }, formUrl: "/Coordination/Cohorts");
        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
        foreach (var url in new[] { $"/Coordination/Reports?course=kurssi&cohort={cohortB}", $"/Coordination/Reports?course=kurssi&cohort={cohortB}&handler=Csv",
                     "/Coordination/Reports?course=kurssi&organisation=Organisaatio%20B&handler=Csv" })
        {
            Assert.DoesNotContain("Bertta", await a.GetStringAsync(url));
        }

        Assert.Contains("Bertta", await b.GetStringAsync("/Coordination/Reports?course=kurssi&handler=Csv"));
        Assert.Equal(0, await _learning.DbAsync(db => db.Users.CountAsync(u => u.Email == "tunkeilija@example.fi")));
    }

    private async Task<HttpClient> CoordinatorAsync(string email, string organisation) =>
        (await TestUsers.SignedInCoordinatorAsync(_learning.Site, organisation, email)).Client;

    private async Task<int> CreateCohortAsync(HttpClient coordinator, string name)
    {
        var response = await coordinator.PostFormAsync("/Coordination/Cohorts", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.CourseId"] = "kurssi", ["Input.StartsOn"] = "2026-12-01", ["Input.EndsOn"] = "2027-03-01",
        });
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
