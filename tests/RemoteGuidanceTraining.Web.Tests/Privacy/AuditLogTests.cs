using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Audit;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Certificates;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Privacy;

public sealed class AuditLogTests : IDisposable
{
    private readonly LearningSite _learning = new();

    private IServiceProvider Services => _learning.Site.Services;

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task Each_audited_action_is_recorded_with_who_and_whom_and_the_admin_page_filters_and_exports_it()
    {
        var admin = await TestUsers.CreateAsync(Services, "admin@example.fi", "Anna Admin", Roles.Admin);
        var client = _learning.Site.CreateBrowserLikeClient();
        await client.SignInAsync("admin@example.fi", TestUsers.Password);
        var kirsi = await TestUsers.CreateAsync(Services, "kirsi@example.fi", "Kirsi Koordinaattori");
        var lapin = await TestOrganisations.EnsureAsync(Services, "Lapin ammattiopisto", "lappi");
        var lapinAmk = await TestOrganisations.EnsureAsync(Services, "Lapin AMK", "lappi");

        await client.PostFormAsync("/Admin/Users?handler=Roles", new Dictionary<string, string> { ["userId"] = kirsi.Id, ["roles"] = Roles.Coordinator }, formUrl: "/Admin/Users");
        await client.PostFormAsync($"/Admin/User/{kirsi.Id}?handler=Membership", new Dictionary<string, string> { ["organisationId"] = lapin.ToString() }, formUrl: $"/Admin/User/{kirsi.Id}");
        await client.PostFormAsync($"/Admin/User/{kirsi.Id}?handler=Scope", new Dictionary<string, string> { ["organisations"] = lapin.ToString() }, formUrl: $"/Admin/User/{kirsi.Id}");
        await client.PostFormAsync("/Admin/Organisations?handler=Merge", new Dictionary<string, string> { ["sourceId"] = lapinAmk.ToString(), ["targetId"] = lapin.ToString(), ["confirm"] = "true" }, formUrl: "/Admin/Organisations");
        var (revokedSerial, reissued) = await CertificateChangesAsync(admin.Id);
        var pia = await _learning.ParticipantAsync("pia@example.fi", "Pia Osallistuja");
        await pia.Client.PostFormAsync("/Account/Manage/Data", new Dictionary<string, string>());
        await pia.Client.PostFormAsync("/Account/Manage/Delete", new Dictionary<string, string> { ["Password"] = TestUsers.Password });

        var entries = await _learning.DbAsync(db => db.AuditEntries.OrderBy(e => e.Id).ToListAsync());
        // Joins by mail domain and by invitation, and leaving with a withdrawn invitation: Admin/MembershipAuditTests, Coordination/InviteeMembershipTests.
        // Closing and reopening an account: Admin/AccountSuspensionTests.
        string[] elsewhere = [AuditActions.MembershipByDomain, AuditActions.MembershipByInvitation, AuditActions.MembershipInvitationWithdrawn,
            AuditActions.AccountSuspended, AuditActions.AccountReopened];
        Assert.Equal(AuditActions.All.Except(elsewhere).Order(), entries.Select(e => e.Action).Distinct().Order());
        Assert.Contains(entries, e => e is { Action: AuditActions.RolesChanged, Details: "added: Coordinator" } && e.ActorUserId == admin.Id && e.SubjectUserId == kirsi.Id);
        Assert.Contains(entries, e => e.Action == AuditActions.ScopeChanged && e.ActorUserId == admin.Id && e.Details!.Contains($"organisations: {lapin} (Lapin ammattiopisto)"));
        Assert.Contains(entries, e => e.Action == AuditActions.MembershipChanged && e.ActorUserId == admin.Id && e.SubjectUserId == kirsi.Id);
        // The merged organisation's name stays readable after its number is gone.
        Assert.Contains(entries, e => e is { Action: AuditActions.OrganisationsMerged } && e.ActorUserId == admin.Id
            && e.Details == $"{lapinAmk} (Lapin AMK) -> {lapin} (Lapin ammattiopisto)");
        Assert.Contains(entries, e => e.Action == AuditActions.CertificateRevoked && e.Details == revokedSerial);
        Assert.Contains(entries, e => e.Action == AuditActions.CertificateReissued && e.Details!.EndsWith(reissued, StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Action == AuditActions.DataExported && e.SubjectUserId == pia.UserId);
        Assert.Contains(entries, e => e.Action == AuditActions.AccountDeleted && e.SubjectUserId == pia.UserId);

        var page = await client.GetStringAsync("/Admin/Audit");
        Assert.Contains("Roolit muutettu", page);
        Assert.Contains("Todistus peruttu", page); // the word the certificate pages use for the same action
        Assert.Contains("Kirsi Koordinaattori", page);
        var roles = await client.GetStringAsync("/Admin/Audit?kind=RolesChanged");
        Assert.Contains("1 merkintä.", roles);
        var person = await client.GetStringAsync("/Admin/Audit?person=kirsi%40example.fi");
        Assert.Contains("3 merkintää.", person);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Contains("0 merkintää.", await client.GetStringAsync($"/Admin/Audit?to={today.AddDays(-2):yyyy-MM-dd}"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin/Audit?from=not-a-date&kind=nonsense&p=-3")).StatusCode);
        var download = await client.GetAsync("/Admin/Audit?handler=Csv&kind=ScopeChanged");
        Assert.True(download.Headers.CacheControl?.NoStore, "the audit CSV names people: no cache may keep it");
        var csv = await download.Content.ReadAsStringAsync();
        var lines = csv.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains("Koordinaattorin vastuualue muutettu", lines[1]);
    }

    [Fact]
    public async Task A_role_removed_is_named_in_the_audit_log_and_its_csv()
    {
        await TestUsers.CreateAsync(Services, "admin@example.fi", "Anna Admin", Roles.Admin);
        var client = _learning.Site.CreateBrowserLikeClient();
        await client.SignInAsync("admin@example.fi", TestUsers.Password);
        var kirsi = await TestUsers.CreateAsync(Services, "kirsi@example.fi", "Kirsi Koordinaattori");
        async Task SetRolesAsync(params string[] roles)
        {
            var form = new List<KeyValuePair<string, string>> { new("userId", kirsi.Id) };
            form.AddRange(roles.Select(r => new KeyValuePair<string, string>("roles", r)));
            using var response = await client.PostFormFieldsAsync("/Admin/Users?handler=Roles", form, formUrl: "/Admin/Users");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        await SetRolesAsync(Roles.Trainer, Roles.Coordinator);
        await SetRolesAsync(Roles.Trainer, Roles.Admin);
        await SetRolesAsync();

        // Each entry says what changed: taking every role away leaves no empty cell, and a swap shows both sides.
        var page = await client.GetStringAsync("/Admin/Audit?kind=RolesChanged");
        Assert.Contains("<td>added: Trainer, Coordinator</td>", page);
        Assert.Contains("<td>added: Admin; removed: Coordinator</td>", page);
        Assert.Contains("<td>removed: Trainer, Admin</td>", page);
        var csv = await client.GetStringAsync("/Admin/Audit?handler=Csv&kind=RolesChanged");
        Assert.Contains("removed: Trainer, Admin", csv);
    }

    [Fact]
    public async Task Only_admins_see_the_audit_log()
    {
        var pia = await _learning.ParticipantAsync();
        Assert.StartsWith("/Account/AccessDenied", (await pia.Client.GetAsync("/Admin/Audit")).Headers.Location?.PathAndQuery);
        Assert.StartsWith("/Account/AccessDenied", (await pia.Client.GetAsync("/Admin/Audit?handler=Csv")).Headers.Location?.PathAndQuery);
        var anonymous = await _learning.Site.CreateBrowserLikeClient().GetAsync("/Admin/Audit");
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location?.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    private async Task<(string Revoked, string Reissued)> CertificateChangesAsync(string adminId)
    {
        var one = await TestUsers.CreateAsync(Services, "c1@example.fi", "Cecilia Ensimmäinen");
        var two = await TestUsers.CreateAsync(Services, "c2@example.fi", "Carl Toinen");
        using var scope = Services.CreateScope();
        var issuer = scope.ServiceProvider.GetRequiredService<CertificateIssuer>();
        var actions = scope.ServiceProvider.GetRequiredService<CertificateActions>();
        var first = await issuer.IssueAsync(one, VerifyPageTests.Course, DateTime.UtcNow, null, "Issued");
        var second = await issuer.IssueAsync(two, VerifyPageTests.Course, DateTime.UtcNow, null, "Issued");
        await actions.RevokeAsync(first, adminId, "Väärä henkilö");
        var reissued = await actions.ReissueAsync(second, adminId, "Nimen korjaus");
        var replacement = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Certificates.SingleAsync(c => c.Id == reissued.ShowId);
        return (first.SerialNumber, replacement.SerialNumber);
    }
}
