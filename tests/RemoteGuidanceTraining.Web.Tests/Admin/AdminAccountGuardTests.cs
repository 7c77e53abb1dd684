using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Privacy;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Network;

namespace RemoteGuidanceTraining.Web.Tests.Admin;

/// <summary>
/// The site keeps an admin who can sign in, roles go only to accounts that can sign in, and a deleted account's stub
/// cannot be managed back into an organisation or a role.
/// </summary>
public sealed class AdminAccountGuardTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task An_admin_role_on_an_account_that_cannot_sign_in_is_not_granted_and_does_not_count_as_another_admin()
    {
        var admin = await NetworkKit.SignedInAsync(_site, "ainoa@example.fi", "Aino Ainoa", Roles.Admin);
        await _site.WithServicesAsync(s => s.GetRequiredService<AccountSetup>().RegisterAsync("vahvistamaton@example.fi", "Ville Vahvistamaton", null, "fi"));
        var unconfirmedId = await IdOfAsync("vahvistamaton@example.fi");

        var list = await admin.GetStringAsync("/Admin/Users");
        var grant = await admin.PostFormAsync("/Admin/Users?handler=Roles",
            new Dictionary<string, string> { ["userId"] = unconfirmedId, ["roles"] = Roles.Admin }, formUrl: "/Admin/Users");

        Assert.Contains("Ville Vahvistamaton", list);
        Assert.Contains("Ei voi kirjautua: vahvistamaton", list);
        Assert.Equal(HttpStatusCode.Redirect, grant.StatusCode);
        Assert.Contains("Käyttäjälle Ville Vahvistamaton ei voi antaa rooleja, koska hän ei voi kirjautua sisään",
            WebUtility.HtmlDecode(await admin.GetStringAsync(grant.Headers.Location!.OriginalString)));
        Assert.False(await IsAdminAsync(unconfirmedId));

        // An account given the role before roles were checked, as the retention job would later delete it.
        await WithUsersAsync(async users => await users.AddToRoleAsync((await users.FindByIdAsync(unconfirmedId))!, Roles.Admin));
        var delete = await admin.PostFormAsync("/Account/Manage/Delete", new Dictionary<string, string> { ["Password"] = TestUsers.Password });
        var removeOwn = await admin.PostFormAsync("/Admin/Users?handler=Roles",
            new Dictionary<string, string> { ["userId"] = await IdOfAsync("ainoa@example.fi") }, formUrl: "/Admin/Users");

        Assert.Contains("Olet palvelun ainoa ylläpitäjä, joka voi kirjautua sisään", WebUtility.HtmlDecode(await delete.Content.ReadAsStringAsync()));
        Assert.Contains("Palveluun ei jäisi yhtään ylläpitäjää, joka voi kirjautua sisään",
            WebUtility.HtmlDecode(await admin.GetStringAsync(removeOwn.Headers.Location!.OriginalString)));
        Assert.True(await IsAdminAsync(await IdOfAsync("ainoa@example.fi")));
    }

    [Fact]
    public async Task Saving_roles_tells_the_admin_what_happens_at_once_the_person_is_signed_out_and_signs_in_again()
    {
        var admin = await NetworkKit.SignedInAsync(_site, "admin@example.fi", "Anja Admin", Roles.Admin);
        var person = await NetworkKit.SignedInAsync(_site, "kouluttaja@example.fi", "Kaisa Kouluttaja");
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/my-studies")).StatusCode);

        var saved = await admin.PostFormAsync("/Admin/Users?handler=Roles",
            new Dictionary<string, string> { ["userId"] = await IdOfAsync("kouluttaja@example.fi"), ["roles"] = Roles.Trainer }, formUrl: "/Admin/Users");
        var message = WebUtility.HtmlDecode(await admin.GetStringAsync(saved.Headers.Location!.OriginalString));
        var next = await person.GetAsync("/my-studies");

        Assert.Contains("Käyttäjän Kaisa Kouluttaja roolit tallennettu. Hänen istuntonsa päättyi", message);
        Assert.DoesNotContain("minuutin kuluessa", message);
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Contains("/Account/Login", next.Headers.Location!.OriginalString);

        // Saving the same roles again changes nothing, so it does not sign the person out for nothing.
        var again = _site.CreateBrowserLikeClient();
        await again.SignInAsync("kouluttaja@example.fi", TestUsers.Password);
        var unchanged = await admin.PostFormAsync("/Admin/Users?handler=Roles",
            new Dictionary<string, string> { ["userId"] = await IdOfAsync("kouluttaja@example.fi"), ["roles"] = Roles.Trainer }, formUrl: "/Admin/Users");

        Assert.Contains("Käyttäjän Kaisa Kouluttaja roolit olivat jo nämä; mitään ei muutettu.",
            WebUtility.HtmlDecode(await admin.GetStringAsync(unchanged.Headers.Location!.OriginalString)));
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/my-studies")).StatusCode);
    }

    [Fact]
    public async Task A_locked_out_account_is_shown_as_one_that_cannot_sign_in_as_its_roles_are_refused()
    {
        var admin = await NetworkKit.SignedInAsync(_site, "admin@example.fi", "Anja Admin", Roles.Admin);
        await TestUsers.CreateAsync(_site.Services, "lukittu@example.fi", "Lauri Lukittu");
        var lockedId = await IdOfAsync("lukittu@example.fi");
        var until = _site.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddHours(1);
        await NetworkKit.DbAsync(_site.Services, db => db.Users.Where(u => u.Id == lockedId).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, until)));

        var list = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Users?q=lukittu"));
        var grant = await admin.PostFormAsync("/Admin/Users?handler=Roles",
            new Dictionary<string, string> { ["userId"] = lockedId, ["roles"] = Roles.Trainer }, formUrl: "/Admin/Users");

        Assert.Contains("Ei voi kirjautua: lukittu", list);
        Assert.Contains("ei voi antaa rooleja", WebUtility.HtmlDecode(await admin.GetStringAsync(grant.Headers.Location!.OriginalString)));
    }

    [Fact]
    public async Task With_another_admin_who_can_sign_in_an_admin_may_give_up_the_role()
    {
        var admin = await NetworkKit.SignedInAsync(_site, "eka@example.fi", "Eeva Eka", Roles.Admin);
        await TestUsers.CreateAsync(_site.Services, "toka@example.fi", "Toni Toka", Roles.Admin);
        var own = await IdOfAsync("eka@example.fi");

        var removed = await admin.PostFormAsync("/Admin/Users?handler=Roles", new Dictionary<string, string> { ["userId"] = own }, formUrl: "/Admin/Users");

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await IsAdminAsync(own));
    }

    [Fact]
    public async Task Two_admins_giving_up_the_role_at_once_leave_one_of_them_an_admin()
    {
        var eka = await NetworkKit.SignedInAsync(_site, "eka@example.fi", "Eeva Eka", Roles.Admin);
        var toka = await NetworkKit.SignedInAsync(_site, "toka@example.fi", "Toni Toka", Roles.Admin);
        var (ekaId, tokaId) = (await IdOfAsync("eka@example.fi"), await IdOfAsync("toka@example.fi"));
        var locks = _site.Services.GetRequiredService<DatabaseLocks>();
        Task<HttpResponseMessage> first, second;

        // Held here until both requests wait for it: without it each would find the other still an admin.
        await using (await locks.AcquireAsync(SignInAbility.AdminsLock, CancellationToken.None))
        {
            first = eka.PostFormAsync("/Admin/Users?handler=Roles", new Dictionary<string, string> { ["userId"] = ekaId }, formUrl: "/Admin/Users");
            second = toka.PostFormAsync("/Admin/Users?handler=Roles", new Dictionary<string, string> { ["userId"] = tokaId }, formUrl: "/Admin/Users");
            await Eventually.TrueAsync(() => locks.WaitingInThisInstance(SignInAbility.AdminsLock) == 2 || first.IsCompleted || second.IsCompleted,
                "both requests to wait for the admins lock");
            Assert.False(first.IsCompleted || second.IsCompleted, "an admin role was removed without the admins lock");
        }

        Assert.All(await Task.WhenAll(first, second), r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, (await IsAdminAsync(ekaId) ? 1 : 0) + (await IsAdminAsync(tokaId) ? 1 : 0));
    }

    [Fact]
    public async Task An_admin_deleting_their_account_while_the_other_gives_up_the_role_leaves_one_of_them_an_admin()
    {
        var eka = await NetworkKit.SignedInAsync(_site, "eka@example.fi", "Eeva Eka", Roles.Admin);
        var toka = await NetworkKit.SignedInAsync(_site, "toka@example.fi", "Toni Toka", Roles.Admin);
        var (ekaId, tokaId) = (await IdOfAsync("eka@example.fi"), await IdOfAsync("toka@example.fi"));
        var locks = _site.Services.GetRequiredService<DatabaseLocks>();
        Task<HttpResponseMessage> deleting, stepping;

        await using (await locks.AcquireAsync(SignInAbility.AdminsLock, CancellationToken.None))
        {
            deleting = eka.PostFormAsync("/Account/Manage/Delete", new Dictionary<string, string> { ["Password"] = TestUsers.Password });
            stepping = toka.PostFormAsync("/Admin/Users?handler=Roles", new Dictionary<string, string> { ["userId"] = tokaId }, formUrl: "/Admin/Users");
            await Eventually.TrueAsync(() => locks.WaitingInThisInstance(SignInAbility.AdminsLock) == 2 || deleting.IsCompleted || stepping.IsCompleted,
                "both requests to wait for the admins lock");
            Assert.False(deleting.IsCompleted || stepping.IsCompleted, "an admin stopped being one without the admins lock");
        }

        await Task.WhenAll(deleting, stepping);
        Assert.Equal(1, (await IsAdminAsync(ekaId) ? 1 : 0) + (await IsAdminAsync(tokaId) ? 1 : 0));
    }

    [Fact]
    public async Task A_deleted_accounts_stub_cannot_be_put_back_into_an_organisation_a_scope_or_a_role()
    {
        var admin = await NetworkKit.SignedInAsync(_site, "admin@example.fi", "Anja Admin", Roles.Admin);
        await TestUsers.CreateAsync(_site.Services, "poistunut@example.fi", "Paavo Poistunut");
        var stubId = await NetworkKit.CertificateAsync(_site.Services, "poistunut@example.fi", "kurssi-a", "Koulutus", "STUB-AAAA-BBBB");
        using (var deleting = _site.Services.CreateScope())
        {
            var person = await deleting.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(stubId);
            await deleting.ServiceProvider.GetRequiredService<AccountDeletion>().DeleteAsync(person!, stubId);
        }

        var organisation = await TestOrganisations.EnsureAsync(_site.Services, "Lapin ammattiopisto", "lappi");
        var url = $"/Admin/User/{stubId}";

        var page = await admin.GetAsync(url);
        var membership = await admin.PostFormAsync($"{url}?handler=Membership",
            new Dictionary<string, string> { ["organisationId"] = organisation.ToString(System.Globalization.CultureInfo.InvariantCulture) }, formUrl: "/Admin/Users");
        var scope = await admin.PostFormAsync($"{url}?handler=Scope",
            new Dictionary<string, string> { ["organisations"] = organisation.ToString(System.Globalization.CultureInfo.InvariantCulture) }, formUrl: "/Admin/Users");
        var roles = await admin.PostFormAsync("/Admin/Users?handler=Roles",
            new Dictionary<string, string> { ["userId"] = stubId, ["roles"] = Roles.Coordinator }, formUrl: "/Admin/Users");

        Assert.Equal(
            [HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            new[] { page.StatusCode, membership.StatusCode, scope.StatusCode, roles.StatusCode });
        var stub = await NetworkKit.DbAsync(_site.Services, db => db.Users.AsNoTracking().SingleAsync(u => u.Id == stubId));
        Assert.Null(stub.OrganisationId);
        Assert.Equal(0, await NetworkKit.DbAsync(_site.Services, db => db.CoordinatorAssignments.CountAsync(a => a.UserId == stubId)));
        Assert.Equal(0, await NetworkKit.DbAsync(_site.Services, db => db.UserRoles.CountAsync(r => r.UserId == stubId)));
    }

    private Task<string> IdOfAsync(string email) =>
        NetworkKit.DbAsync(_site.Services, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<bool> IsAdminAsync(string userId) =>
        NetworkKit.DbAsync(_site.Services, db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                                                  where ur.UserId == userId && r.Name == Roles.Admin select ur).AnyAsync());

    private async Task WithUsersAsync(Func<UserManager<AppUser>, Task> action)
    {
        using var scope = _site.Services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }
}
