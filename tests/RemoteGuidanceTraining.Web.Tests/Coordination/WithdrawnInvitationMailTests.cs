using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Coordination;

/// <summary>
/// An invitation withdrawn while its mail still waits in the outbox is never delivered; the invitee's other mail and
/// other people's invitations go out as before. The site runs without its dispatcher, so "before the dispatcher ran"
/// is a fact, and the test then sends what is due itself.
/// </summary>
public sealed class WithdrawnInvitationMailTests : IDisposable
{
    private readonly LearningSite _learning = new();
    private readonly WebApplicationFactory<Program> _site;

    public WithdrawnInvitationMailTests() =>
        _site = _learning.Site.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxDispatcher)))));

    public void Dispose()
    {
        _site.Dispose();
        _learning.Dispose();
    }

    [Fact]
    public async Task A_withdrawn_invitation_is_not_mailed_and_the_other_waiting_mail_still_is()
    {
        var coordinator = await SignedInAsync("a@example.fi", Roles.Coordinator);
        await TestOrganisations.CoordinateAsync(_site.Services, await UserIdAsync("a@example.fi"), "Organisaatio A");
        var admin = await SignedInAsync("admin@example.fi", Roles.Admin);
        await TestUsers.CreateAsync(_site.Services, "ulla@example.fi", "Ulla Ulkopuolinen"); // outside the scope: asked to join
        var spring = await CreateCohortAsync(coordinator, "Kevät 2027");
        var autumn = await CreateCohortAsync(coordinator, "Syksy 2027");
        await AddAsync(coordinator, spring, "uusi@example.fi;Uusi Ihminen\npoistuva@example.fi;Poistuva Ihminen\nulla@example.fi");
        await AddAsync(coordinator, autumn, "ulla@example.fi");

        foreach (var address in new[] { "poistuva@example.fi", "ulla@example.fi" })
        {
            var memberId = await DbAsync(db => db.CohortMembers.Where(m => m.CohortId == spring && db.Users.Any(u => u.Id == m.UserId && u.Email == address))
                .Select(m => m.Id).SingleAsync());
            var withdrawn = await coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{spring}?handler=Remove",
                new Dictionary<string, string> { ["memberId"] = $"{memberId}" }, formUrl: $"/Coordination/Cohorts/Cohort/{spring}");
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        }

        // The unsent-mail page lists what still waits: the new person's invitation and Ulla's other cohort, nothing withdrawn.
        var unsent = await admin.GetStringAsync("/Coordination/Mail");
        Assert.Contains("Lähettämättömiä viestejä: 2.", unsent);
        Assert.Contains("<td>uusi@example.fi</td>", unsent);
        Assert.Contains("Kutsu koulutusryhmään – Syksy 2027", unsent);
        Assert.DoesNotContain("poistuva@example.fi", unsent);
        Assert.DoesNotContain("Kutsu koulutusryhmään – Kevät 2027", unsent);

        await SendEverythingDueAsync();

        Assert.Empty(_learning.Site.Mailbox.To("poistuva@example.fi"));
        Assert.Equal(["Kutsu koulutusryhmään – Syksy 2027"], _learning.Site.Mailbox.To("ulla@example.fi").Select(m => m.Subject));
        Assert.Equal(["Kutsu koulutukseen – Kevät 2027"], _learning.Site.Mailbox.To("uusi@example.fi").Select(m => m.Subject));
        Assert.Contains("Kaikki viestit on lähetetty.", await admin.GetStringAsync("/Coordination/Mail"));
    }

    // One pass of the dispatcher the site runs, until nothing is due: synchronous, so no waiting is needed.
    private async Task SendEverythingDueAsync()
    {
        var dispatcher = ActivatorUtilities.CreateInstance<OutboxDispatcher>(_site.Services);
        while (await dispatcher.SendDueAsync(CancellationToken.None) > 0)
        {
        }
    }

    private async Task<HttpClient> SignedInAsync(string email, string role)
    {
        await TestUsers.CreateAsync(_site.Services, email, "Kirsi Koordinaattori", role);
        var client = _site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(TestSite.BaseUrl) });
        await client.SignInAsync(email, TestUsers.Password);
        return client;
    }

    private Task<string> UserIdAsync(string email) => DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = _site.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static Task<HttpResponseMessage> AddAsync(HttpClient coordinator, int id, string typed) =>
        coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{id}?handler=Typed", new Dictionary<string, string> { ["typed"] = typed }, formUrl: $"/Coordination/Cohorts/Cohort/{id}");

    private static async Task<int> CreateCohortAsync(HttpClient coordinator, string name)
    {
        var response = await coordinator.PostFormAsync("/Coordination/Cohorts", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.CourseId"] = "kurssi", ["Input.StartsOn"] = "2026-12-01", ["Input.EndsOn"] = "2027-03-01",
        });
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
