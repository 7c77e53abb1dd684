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
/// An admin closes an account and reopens it: a closed account keeps its records but signs in by no path, its
/// owner is told why only after giving the right password, and both acts are in the audit log.
/// </summary>
public sealed class AccountSuspensionTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task A_closed_account_is_signed_out_at_once_cannot_sign_in_and_signs_in_again_when_reopened()
    {
        var admin = await NetworkKit.SignedInAsync(_site, "admin@example.fi", "Anja Admin", Roles.Admin);
        var person = await NetworkKit.SignedInAsync(_site, "lahtenyt@example.fi", "Leena Lähtenyt");
        var id = await IdOfAsync("lahtenyt@example.fi");
        var url = $"/Admin/User/{id}";
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/my-studies")).StatusCode);
        Assert.Contains("Sulje tili", await admin.GetStringAsync(url));

        var closed = await admin.PostFormAsync($"{url}?handler=Suspend", new Dictionary<string, string>(), formUrl: url);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(closed.Headers.Location!.OriginalString));
        var next = await person.GetAsync("/my-studies");

        Assert.Contains("Käyttäjän Leena Lähtenyt tili on suljettu", page);
        Assert.Matches(@"Tili on suljettu \d{1,2}\.\d{1,2}\.\d{4} klo \d{1,2}\.\d{2}\.", page);
        Assert.Contains("Avaa tili", page);
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Contains("/Account/Login", next.Headers.Location!.OriginalString);
        Assert.Contains("Ei voi kirjautua: tili suljettu", WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Users?q=lahtenyt")));

        // The right password is told the account was closed and whom to ask; a wrong one gets the usual answer.
        var right = await _site.CreateBrowserLikeClient().SignInAsync("lahtenyt@example.fi", TestUsers.Password);
        var wrong = await _site.CreateBrowserLikeClient().SignInAsync("lahtenyt@example.fi", "vaara-salasana-999");
        var rightText = WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync());
        var wrongText = WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Palvelun ylläpitäjät ovat sulkeneet tilisi", rightText);
        Assert.Contains("ota yhteyttä organisaatiosi koordinaattoriin", rightText);
        Assert.False(SetsSignInCookie(right), "a closed account was given a sign-in cookie");
        Assert.DoesNotContain("sulkeneet tilisi", wrongText);
        Assert.Contains("Sähköpostiosoite tai salasana on väärä", wrongText);

        var reopened = await admin.PostFormAsync($"{url}?handler=Reopen", new Dictionary<string, string>(), formUrl: url);
        Assert.Contains("Käyttäjän Leena Lähtenyt tili on avattu uudelleen",
            WebUtility.HtmlDecode(await admin.GetStringAsync(reopened.Headers.Location!.OriginalString)));
        var again = _site.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync("lahtenyt@example.fi", TestUsers.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/my-studies")).StatusCode);

        var audit = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Audit?person=lahtenyt%40example.fi"));
        Assert.Contains("Tili suljettu", audit);
        Assert.Contains("Tili avattu uudelleen", audit);
        var csv = await admin.GetStringAsync("/Admin/Audit?handler=Csv&kind=AccountSuspended");
        Assert.Contains("Tili suljettu", csv);
        Assert.Contains("Leena Lähtenyt", csv);
    }

    [Fact]
    public async Task Wrong_passwords_on_a_closed_account_lock_it_and_a_locked_one_does_not_say_it_was_closed()
    {
        // The page checks a closed account's password itself (Identity refuses such an account before it looks): it
        // must count wrong ones as Identity would, or a closed account would answer "is this the password?" forever.
        var admin = await NetworkKit.SignedInAsync(_site, "admin@example.fi", "Anja Admin", Roles.Admin);
        await TestUsers.CreateAsync(_site.Services, "lahtenyt@example.fi", "Leena Lähtenyt");
        var url = $"/Admin/User/{await IdOfAsync("lahtenyt@example.fi")}";
        await admin.PostFormAsync($"{url}?handler=Suspend", new Dictionary<string, string>(), formUrl: url);
        var guesser = _site.CreateBrowserLikeClient();
        for (var guess = 1; guess <= 5; guess++)
        {
            await guesser.SignInAsync("lahtenyt@example.fi", $"arvaus-numero-{guess}");
        }

        var right = await _site.CreateBrowserLikeClient().SignInAsync("lahtenyt@example.fi", TestUsers.Password);

        Assert.DoesNotContain("sulkeneet tilisi", WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync()));
        Assert.NotNull(await NetworkKit.DbAsync(_site.Services, db => db.Users.Where(u => u.Email == "lahtenyt@example.fi").Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task A_password_reset_link_sets_the_password_of_a_closed_account_but_does_not_sign_it_in()
    {
        var admin = await NetworkKit.SignedInAsync(_site, "admin@example.fi", "Anja Admin", Roles.Admin);
        await TestUsers.CreateAsync(_site.Services, "lahtenyt@example.fi", "Leena Lähtenyt");
        var url = $"/Admin/User/{await IdOfAsync("lahtenyt@example.fi")}";
        await admin.PostFormAsync($"{url}?handler=Suspend", new Dictionary<string, string>(), formUrl: url);
        var client = _site.CreateBrowserLikeClient();

        await client.PostFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = "lahtenyt@example.fi" });
        var link = PickupMailbox.LinkIn(await _site.Mailbox.WaitForAsync("lahtenyt@example.fi"), "/Account/SetPassword");
        var reset = await client.SetPasswordFromLinkAsync(link, "uusi-salasana-456");

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.False(SetsSignInCookie(reset), "a closed account was signed in by a reset link");
        Assert.StartsWith("/Account/Login", reset.Headers.Location!.OriginalString);
        Assert.Contains("Palvelun ylläpitäjät ovat sulkeneet tilisi", WebUtility.HtmlDecode(await client.GetStringAsync(reset.Headers.Location!.OriginalString)));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/my-studies")).StatusCode);
        Assert.Contains("sulkeneet tilisi",
            WebUtility.HtmlDecode(await (await _site.CreateBrowserLikeClient().SignInAsync("lahtenyt@example.fi", "uusi-salasana-456")).Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_address_change_link_mailed_before_the_account_was_closed_changes_nothing_even_after_reopening()
    {
        // Closing renews the account's security stamp, which every Identity link (address change, reset) is tied to.
        var admin = await NetworkKit.SignedInAsync(_site, "admin@example.fi", "Anja Admin", Roles.Admin);
        var person = await NetworkKit.SignedInAsync(_site, "lahtenyt@example.fi", "Leena Lähtenyt");
        await person.PostFormAsync("/Account/Manage/Email", new Dictionary<string, string> { ["NewEmail"] = "uusi@example.fi" });
        var link = new Uri(PickupMailbox.LinkIn(await _site.Mailbox.WaitForAsync("uusi@example.fi"), "/Account/ConfirmEmailChange")).PathAndQuery;
        var url = $"/Admin/User/{await IdOfAsync("lahtenyt@example.fi")}";
        await admin.PostFormAsync($"{url}?handler=Suspend", new Dictionary<string, string>(), formUrl: url);

        var whileClosed = WebUtility.HtmlDecode(await _site.CreateBrowserLikeClient().GetStringAsync(link));
        await admin.PostFormAsync($"{url}?handler=Reopen", new Dictionary<string, string>(), formUrl: url);
        var afterReopening = WebUtility.HtmlDecode(await _site.CreateBrowserLikeClient().GetStringAsync(link));

        Assert.DoesNotContain("on vaihdettu", whileClosed);
        Assert.DoesNotContain("on vaihdettu", afterReopening);
        Assert.Equal(1, await NetworkKit.DbAsync(_site.Services, db => db.Users.CountAsync(u => u.Email == "lahtenyt@example.fi")));
    }

    [Fact]
    public async Task An_admin_cannot_close_their_own_account()
    {
        var admin = await NetworkKit.SignedInAsync(_site, "admin@example.fi", "Anja Admin", Roles.Admin);
        await TestUsers.CreateAsync(_site.Services, "toka@example.fi", "Toni Toka", Roles.Admin);
        var own = await IdOfAsync("admin@example.fi");
        var url = $"/Admin/User/{own}";

        Assert.DoesNotContain("Sulje tili", await admin.GetStringAsync(url));
        var closed = await admin.PostFormAsync($"{url}?handler=Suspend", new Dictionary<string, string>(), formUrl: url);

        Assert.Contains("Et voi sulkea omaa tiliäsi.", WebUtility.HtmlDecode(await admin.GetStringAsync(closed.Headers.Location!.OriginalString)));
        Assert.Null(await SuspendedAtAsync(own));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Admin/Users")).StatusCode);
    }

    [Fact]
    public async Task Two_admins_closing_each_others_accounts_at_once_leave_one_of_them_able_to_sign_in()
    {
        var eka = await NetworkKit.SignedInAsync(_site, "eka@example.fi", "Eeva Eka", Roles.Admin);
        var toka = await NetworkKit.SignedInAsync(_site, "toka@example.fi", "Toni Toka", Roles.Admin);
        var (ekaId, tokaId) = (await IdOfAsync("eka@example.fi"), await IdOfAsync("toka@example.fi"));
        var locks = _site.Services.GetRequiredService<DatabaseLocks>();
        Task<HttpResponseMessage> first, second;

        // Held here until both requests wait for it: without it each would find the other still able to sign in.
        await using (await locks.AcquireAsync(SignInAbility.AdminsLock, CancellationToken.None))
        {
            first = eka.PostFormAsync($"/Admin/User/{tokaId}?handler=Suspend", new Dictionary<string, string>(), formUrl: $"/Admin/User/{tokaId}");
            second = toka.PostFormAsync($"/Admin/User/{ekaId}?handler=Suspend", new Dictionary<string, string>(), formUrl: $"/Admin/User/{ekaId}");
            await Eventually.TrueAsync(() => locks.WaitingInThisInstance(SignInAbility.AdminsLock) == 2 || first.IsCompleted || second.IsCompleted,
                "both requests to wait for the admins lock");
            Assert.False(first.IsCompleted || second.IsCompleted, "an admin's account was closed without the admins lock");
        }

        Assert.All(await Task.WhenAll(first, second), r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, (await SuspendedAtAsync(ekaId) is null ? 1 : 0) + (await SuspendedAtAsync(tokaId) is null ? 1 : 0));
    }

    [Fact]
    public async Task Coordinators_and_participants_cannot_close_or_reopen_an_account()
    {
        await TestUsers.CreateAsync(_site.Services, "kohde@example.fi", "Kalle Kohde");
        var target = await IdOfAsync("kohde@example.fi");
        var (coordinator, _) = await TestUsers.SignedInCoordinatorAsync(_site, "Lapin ammattiopisto");
        var participant = await NetworkKit.SignedInAsync(_site, "pia@example.fi", "Pia Osallistuja");
        var url = $"/Admin/User/{target}";

        foreach (var client in new[] { coordinator, participant })
        {
            foreach (var handler in new[] { "Suspend", "Reopen" })
            {
                var response = await client.PostFormAsync($"{url}?handler={handler}", new Dictionary<string, string>(), formUrl: "/my-studies");
                // The admin pages' policy answers as it does everywhere: the access-denied page.
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
            }
        }

        Assert.Null(await SuspendedAtAsync(target));
    }

    [Fact]
    public async Task A_deleted_accounts_stub_cannot_be_closed_or_reopened()
    {
        var admin = await NetworkKit.SignedInAsync(_site, "admin@example.fi", "Anja Admin", Roles.Admin);
        await TestUsers.CreateAsync(_site.Services, "poistunut@example.fi", "Paavo Poistunut");
        var stubId = await NetworkKit.CertificateAsync(_site.Services, "poistunut@example.fi", "kurssi-a", "Koulutus", "STUB-AAAA-CCCC");
        using (var deleting = _site.Services.CreateScope())
        {
            var person = await deleting.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(stubId);
            await deleting.ServiceProvider.GetRequiredService<AccountDeletion>().DeleteAsync(person!, stubId);
        }

        var suspend = await admin.PostFormAsync($"/Admin/User/{stubId}?handler=Suspend", new Dictionary<string, string>(), formUrl: "/Admin/Users");
        var reopen = await admin.PostFormAsync($"/Admin/User/{stubId}?handler=Reopen", new Dictionary<string, string>(), formUrl: "/Admin/Users");
        var missing = await admin.PostFormAsync("/Admin/User/no-such-id?handler=Suspend", new Dictionary<string, string>(), formUrl: "/Admin/Users");

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], new[] { suspend.StatusCode, reopen.StatusCode, missing.StatusCode });
        Assert.Null(await SuspendedAtAsync(stubId));
    }

    private static bool SetsSignInCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("rgt.auth=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));

    private Task<string> IdOfAsync(string email) =>
        NetworkKit.DbAsync(_site.Services, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<DateTime?> SuspendedAtAsync(string id) =>
        NetworkKit.DbAsync(_site.Services, db => db.Users.Where(u => u.Id == id).Select(u => u.SuspendedAtUtc).SingleAsync());
}
