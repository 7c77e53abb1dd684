using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Audit;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Admin;

/// <summary>
/// An admin can answer "how did this person get into organisation X": a join by mail domain and an account an
/// invitation made are in the audit log beside the admin's own changes, readable on /Admin/Audit.
/// </summary>
public sealed class MembershipAuditTests : IDisposable
{
    private readonly LearningSite _learning = new();

    private IServiceProvider Services => _learning.Site.Services;

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task A_join_by_mail_domain_is_recorded_as_the_sites_doing_with_the_organisation_and_domain()
    {
        var organisation = await TestOrganisations.EnsureAsync(Services, "Lapin AMK", "lappi");
        await _learning.Site.WithServicesAsync(async s =>
            Assert.Null(await s.GetRequiredService<Organisations.OrganisationDirectory>().AddDomainAsync(organisation, "lapinamk.fi")));
        var liisa = _learning.Site.CreateBrowserLikeClient();
        await liisa.PostFormAsync("/Account/Register", new Dictionary<string, string> { ["Input.FullName"] = "Liisa Lappi", ["Input.Email"] = "liisa@lapinamk.fi" });
        await liisa.SetPasswordFromLinkAsync(PickupMailbox.LinkIn(await _learning.Site.Mailbox.WaitForAsync("liisa@lapinamk.fi"), "/Account/SetPassword"), TestUsers.Password);

        var entry = await _learning.DbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.MembershipByDomain));
        var id = await _learning.DbAsync(db => db.Users.Where(u => u.Email == "liisa@lapinamk.fi").Select(u => u.Id).SingleAsync());
        Assert.Equal((null, id, $"{organisation} (Lapin AMK); domain: lapinamk.fi"), (entry.ActorUserId, entry.SubjectUserId, entry.Details));

        var page = await AdminAsync("/Admin/Audit?person=liisa%40lapinamk.fi");
        Assert.Contains("<td>Liittyi organisaatioon sähköpostidomainin perusteella</td>", page);
        Assert.Contains("<td>Järjestelmä</td>", page);
        Assert.Contains($"<td>{organisation} (Lapin AMK); domain: lapinamk.fi</td>", page);
    }

    [Fact]
    public async Task An_account_made_by_an_invitation_is_recorded_with_the_coordinator_organisation_and_cohort()
    {
        var coordinator = await TestUsers.CreateAsync(Services, "kirsi@example.fi", "Kirsi Koordinaattori", Roles.Coordinator);
        var organisation = await TestOrganisations.CoordinateAsync(Services, coordinator.Id, "Organisaatio A");
        var kirsi = _learning.Site.CreateBrowserLikeClient();
        await kirsi.SignInAsync("kirsi@example.fi", TestUsers.Password);
        var created = await kirsi.PostFormAsync("/Coordination/Cohorts", new Dictionary<string, string>
        {
            ["Input.Name"] = "Kevät 2027", ["Input.CourseId"] = "kurssi", ["Input.StartsOn"] = "2026-12-01", ["Input.EndsOn"] = "2027-03-01",
        });
        var cohort = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var added = await kirsi.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Typed",
            new Dictionary<string, string> { ["typed"] = "uusi@example.fi;Uusi Ihminen" }, formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var entry = await _learning.DbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.MembershipByInvitation));
        var id = await _learning.DbAsync(db => db.Users.Where(u => u.Email == "uusi@example.fi").Select(u => u.Id).SingleAsync());
        Assert.Equal((coordinator.Id, id, $"{organisation} (Organisaatio A); cohort: {cohort}"), (entry.ActorUserId, entry.SubjectUserId, entry.Details));

        var page = await AdminAsync($"/Admin/Audit?kind={AuditActions.MembershipByInvitation}");
        Assert.Contains("<td>Lisätty organisaatioon tai alueelle kutsulla</td>", page);
        Assert.Contains("<td>Kirsi Koordinaattori &lt;kirsi@example.fi&gt;</td>", page);
        Assert.Contains("<td>Uusi Ihminen &lt;uusi@example.fi&gt;</td>", page);
    }

    [Theory]
    [InlineData("en", "Joined organisation by e-mail domain")]
    [InlineData("sv", "Anslöt till organisationen genom e-postdomänen")]
    public async Task The_audit_filter_names_the_joins_in_the_admins_language(string language, string text)
    {
        var admin = await AdminClientAsync();
        await admin.PostFormAsync("/Language", new Dictionary<string, string> { ["culture"] = language, ["returnUrl"] = "/Admin/Audit" }, formUrl: "/Admin/Audit");
        Assert.Contains(text, await admin.GetStringAsync("/Admin/Audit"));
    }

    private async Task<string> AdminAsync(string url) => await (await AdminClientAsync()).GetStringAsync(url);

    private async Task<HttpClient> AdminClientAsync()
    {
        if (!await _learning.DbAsync(db => db.Users.AnyAsync(u => u.Email == "admin@example.fi")))
        {
            await TestUsers.CreateAsync(Services, "admin@example.fi", "Anna Admin", Roles.Admin);
        }

        var admin = _learning.Site.CreateBrowserLikeClient();
        await admin.SignInAsync("admin@example.fi", TestUsers.Password);
        return admin;
    }
}
