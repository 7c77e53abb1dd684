using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Trust;

/// <summary>Links, passwords, sessions and enumeration (issue 10): each test fails on the first version.</summary>
public sealed class AccountTakeoverTests : IDisposable
{
    private readonly LearningSite _learning = new();

    private TestSite Site => _learning.Site;

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task A_forged_Host_header_does_not_decide_where_the_reset_link_points()
    {
        await TestUsers.CreateAsync(Site.Services, "uhri@example.fi");
        var client = Site.CreateBrowserLikeClient();
        var form = await client.GetStringAsync("/Account/ForgotPassword");
        var token = FormPoster.TokenIn(form) ?? "";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/ForgotPassword")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "uhri@example.fi", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) }),
        };
        request.Headers.Host = "localhost:6666";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SendAsync(request)).StatusCode);

        var link = PickupMailbox.LinkIn(await Site.Mailbox.WaitForAsync("uhri@example.fi"), "/Account/SetPassword");
        Assert.StartsWith(TestSite.BaseUrl + "/Account/SetPassword", link);

        using var evil = new HttpRequestMessage(HttpMethod.Get, "/Account/ForgotPassword");
        evil.Headers.Host = "attacker.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(evil)).StatusCode);
    }

    [Fact]
    public async Task Whoever_registers_an_address_first_does_not_name_its_owner_or_speak_to_them_in_the_mail()
    {
        var stranger = Site.CreateBrowserLikeClient();
        var owner = Site.CreateBrowserLikeClient();
        await Register(stranger, "Hyökkääjä Ilkeä", "Evil Oy");
        await Register(owner, "Ville Virtanen", "Oulun kaupunki");

        var mails = await Eventually.ValueAsync(() => Task.FromResult(Site.Mailbox.To("ville@example.fi") is { Count: 2 } both ? both : null), "two confirmation mails");
        var (url, page) = ("", "");
        foreach (var mail in mails)
        {
            var path = new Uri(PickupMailbox.LinkIn(mail, "/Account/SetPassword")).PathAndQuery;
            if (WebUtility.HtmlDecode(await owner.GetStringAsync(path)) is var html && html.Contains("name=\"FullName\"", StringComparison.Ordinal))
            {
                (url, page) = (path, html); // the link that still works
            }
        }

        var withoutName = await owner.PostFormAsync(url,
            new Dictionary<string, string> { ["FullName"] = " ", ["Password"] = TestUsers.Password, ["ConfirmPassword"] = TestUsers.Password });
        var set = await owner.PostFormAsync(url,
            new Dictionary<string, string> { ["FullName"] = "Ville Ville Virtanen", ["Password"] = TestUsers.Password, ["ConfirmPassword"] = TestUsers.Password });

        Assert.All(mails, mail => Assert.DoesNotContain("Hyökkääjä", mail.TextBody + mail.HtmlBody + mail.To));
        Assert.All(mails, mail => Assert.StartsWith("Hei,", (mail.TextBody ?? "").TrimStart()));
        Assert.Contains("value=\"Ville Virtanen\"", page); // the latest registration, for the owner to confirm
        Assert.Contains("Koko nimi on pakollinen tieto.", WebUtility.HtmlDecode(await withoutName.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var account = await _learning.DbAsync(db => db.Users.Where(u => u.Email == "ville@example.fi").Select(u => new { u.FullName, u.SelfReportedOrganisation }).SingleAsync());
        Assert.Equal(("Ville Ville Virtanen", "Oulun kaupunki"), (account.FullName, account.SelfReportedOrganisation));

        static async Task Register(HttpClient client, string name, string organisation) =>
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Account/Register", new Dictionary<string, string>
            {
                ["Input.FullName"] = name, ["Input.Email"] = "ville@example.fi", ["Input.Organisation"] = organisation,
            })).StatusCode);
    }

    [Fact]
    public async Task A_password_set_on_a_never_confirmed_account_stops_working_once_the_owner_is_invited()
    {
        // The first version let anyone register victim@ with their own password; such accounts may still exist.
        await Site.WithServicesAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<AppUser>>();
            var squatter = new AppUser { UserName = "uhri@example.fi", Email = "uhri@example.fi", FullName = "Hyökkääjä" };
            Assert.True((await users.CreateAsync(squatter, "hyokkaajan-salasana")).Succeeded);
        });
        var coordinator = await CoordinatorAsync();
        var cohort = await CohortAsync(coordinator);
        await coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Typed",
            new Dictionary<string, string> { ["typed"] = "uhri@example.fi;Oikea Omistaja" }, formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");
        var owner = Site.CreateBrowserLikeClient();
        var set = await owner.SetPasswordFromLinkAsync(PickupMailbox.LinkIn(await Site.Mailbox.WaitForAsync("uhri@example.fi"), "/Account/SetPassword"), "omistajan-salasana");
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Site.CreateBrowserLikeClient().SignInAsync("uhri@example.fi", "hyokkaajan-salasana")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Site.CreateBrowserLikeClient().SignInAsync("uhri@example.fi", "omistajan-salasana")).StatusCode);
        Assert.Equal("Oikea Omistaja", await _learning.DbAsync(db => db.Users.Where(u => u.Email == "uhri@example.fi").Select(u => u.FullName).SingleAsync()));
    }

    [Fact]
    public async Task Registering_an_invited_address_does_not_rename_the_invitee()
    {
        // Before, the anonymous registration replaced the name the coordinator typed, and the invitation link then
        // offered the stranger's name for the certificate.
        var coordinator = await CoordinatorAsync();
        var cohort = await CohortAsync(coordinator);
        await coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Typed",
            new Dictionary<string, string> { ["typed"] = "niina@example.fi;Niina Uusi" }, formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");
        var invitation = PickupMailbox.LinkIn(await Site.Mailbox.WaitForAsync("niina@example.fi"), "/Account/SetPassword");

        var stranger = Site.CreateBrowserLikeClient();
        var registered = await stranger.PostFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Hyökkääjä Ilkeä", ["Input.Email"] = "niina@example.fi", ["Input.Organisation"] = "Evil Oy",
        });
        var page = WebUtility.HtmlDecode(await Site.CreateBrowserLikeClient().GetStringAsync(new Uri(invitation).PathAndQuery));

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode); // the same answer as for any address
        Assert.Contains("value=\"Niina Uusi\"", page);
        Assert.DoesNotContain("Hyökkääjä", page);
        var account = await _learning.DbAsync(db => db.Users.Where(u => u.Email == "niina@example.fi").Select(u => new { u.FullName, u.SelfReportedOrganisation }).SingleAsync());
        Assert.Equal("Niina Uusi", account.FullName);
        Assert.NotEqual("Evil Oy", account.SelfReportedOrganisation);
    }

    [Fact]
    public async Task An_invitee_can_get_a_new_link_from_the_coordinator_or_from_forgot_password()
    {
        var coordinator = await CoordinatorAsync();
        var cohort = await CohortAsync(coordinator);
        await coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Typed",
            new Dictionary<string, string> { ["typed"] = "kutsuttu@example.fi;Kerttu Kutsuttu" }, formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");
        await Site.Mailbox.WaitForAsync("kutsuttu@example.fi");
        var memberId = await _learning.DbAsync(db => db.CohortMembers.Select(m => m.Id).SingleAsync());

        var resend = await coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Resend",
            new Dictionary<string, string> { ["memberId"] = memberId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");
        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        await Eventually.TrueAsync(() => Site.Mailbox.To("kutsuttu@example.fi").Count == 2, "a second invitation");

        await Site.CreateBrowserLikeClient().PostFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = "kutsuttu@example.fi" });
        await Eventually.TrueAsync(() => Site.Mailbox.To("kutsuttu@example.fi").Count == 3, "a reset link for the unconfirmed invitee");
        var client = Site.CreateBrowserLikeClient();
        await client.SetPasswordFromLinkAsync(PickupMailbox.LinkIn(Site.Mailbox.To("kutsuttu@example.fi")[2], "/Account/SetPassword"), TestUsers.Password);
        Assert.Contains("Kerttu Kutsuttu", await coordinator.GetStringAsync("/Coordination/Reports?course=kurssi"));
    }

    [Fact]
    public async Task The_invitation_link_lasts_fourteen_days()
    {
        Assert.Equal(TimeSpan.FromDays(14), PasswordLinks.InvitationLifetime);
        await Site.WithServicesAsync(s =>
        {
            var options = s.GetRequiredService<Microsoft.Extensions.Options.IOptions<InvitationTokenProviderOptions>>().Value;
            Assert.Equal(TimeSpan.FromDays(14), options.TokenLifespan);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Sign_in_answers_an_unconfirmed_account_like_a_wrong_password()
    {
        await Site.WithServicesAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.CreateAsync(new AppUser { UserName = "vahvistamaton@example.fi", Email = "vahvistamaton@example.fi", FullName = "V" }, TestUsers.Password)).Succeeded);
        });
        await TestUsers.CreateAsync(Site.Services, "vahvistettu@example.fi");

        var unconfirmed = await (await Site.CreateBrowserLikeClient().SignInAsync("vahvistamaton@example.fi", TestUsers.Password)).Content.ReadAsStringAsync();
        var wrong = await (await Site.CreateBrowserLikeClient().SignInAsync("vahvistettu@example.fi", "vaara-salasana-123")).Content.ReadAsStringAsync();
        var unknown = await (await Site.CreateBrowserLikeClient().SignInAsync("eiole@example.fi", "vaara-salasana-123")).Content.ReadAsStringAsync();

        foreach (var html in new[] { unconfirmed, wrong, unknown })
        {
            Assert.Contains("Sähköpostiosoite tai salasana on väärä, tai osoitetta ei ole vielä vahvistettu.", html);
            Assert.Contains("/Account/ResendConfirmation", html);
            Assert.DoesNotContain("Vahvista ensin", html);
        }
    }

    [Fact]
    public async Task Register_forgot_and_resend_take_the_same_time_whether_or_not_the_address_exists()
    {
        // The floor a production site has (the other tests' sites have none, see TestSettings).
        var defaultFloor = new Web.Accounts.SecurityOptions().EvenResponseTime;
        Assert.Equal(TimeSpan.FromMilliseconds(600), defaultFloor);
        using var site = TestSite.With(new Dictionary<string, string?> { ["Security:EvenResponseMilliseconds"] = $"{defaultFloor.TotalMilliseconds}" });
        await TestUsers.CreateAsync(site.Services, "olemassa@example.fi");
        foreach (var (url, field) in new[] { ("/Account/Register", "Input.Email"), ("/Account/ForgotPassword", "Email"), ("/Account/ResendConfirmation", "Email") })
        {
            // A busy machine only ever adds time, so the fastest of a few interleaved tries is each branch's own time.
            var known = TimeSpan.MaxValue;
            var unknown = TimeSpan.MaxValue;
            for (var round = 0; round < 3; round++)
            {
                known = Min(known, await TimeAsync(site, url, field, "olemassa@example.fi"));
                unknown = Min(unknown, await TimeAsync(site, url, field, $"uusi-{Guid.NewGuid():N}@example.fi"));
            }

            // Both wait for the same floor; what is left is noise, far below the floor itself.
            // (Timers may wake a millisecond or two early: the floor is checked with a small allowance.)
            var floor = defaultFloor - TimeSpan.FromMilliseconds(20);
            Assert.True(known >= floor && unknown >= floor, $"{url}: {known} / {unknown}");
            Assert.True((known - unknown).Duration() < TimeSpan.FromMilliseconds(300), $"{url}: {known} vs {unknown}");
        }
    }

    [Fact]
    public async Task Registration_is_rate_limited_like_sign_in()
    {
        using var site = TestSite.With(new Dictionary<string, string?> { ["Security:SignInAttemptsPerMinute"] = "2" });
        var client = site.CreateBrowserLikeClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.PostFormAsync("/Account/Register", new Dictionary<string, string>
            {
                ["Input.FullName"] = "R", ["Input.Email"] = $"r{i}@example.fi",
            })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_password_link_page_without_a_valid_token_shows_nothing_of_the_account()
    {
        var user = await TestUsers.CreateAsync(Site.Services, "salainen@example.fi", "Salli Salainen");
        var html = await Site.CreateBrowserLikeClient().GetStringAsync($"/Account/SetPassword?userId={user.Id}&code=AAAA&kind=invitation");

        Assert.DoesNotContain("Salli", html);
        Assert.DoesNotContain("salainen@example.fi", html);
        Assert.Contains("Linkki on vanhentunut", html);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_everywhere_at_once()
    {
        var user = await TestUsers.CreateAsync(Site.Services, "ulos@example.fi");
        var first = Site.CreateBrowserLikeClient();
        var second = Site.CreateBrowserLikeClient();
        await first.SignInAsync(user.Email!, TestUsers.Password);
        await second.SignInAsync(user.Email!, TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/my-studies")).StatusCode);

        await first.PostFormAsync("/Account/Logout", new Dictionary<string, string>(), formUrl: "/my-studies");

        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/my-studies")).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_ends_other_sessions_but_keeps_this_one()
    {
        var user = await TestUsers.CreateAsync(Site.Services, "vaihto@example.fi");
        var here = Site.CreateBrowserLikeClient();
        var stolen = Site.CreateBrowserLikeClient();
        await here.SignInAsync(user.Email!, TestUsers.Password);
        await stolen.SignInAsync(user.Email!, TestUsers.Password);

        var changed = await here.PostFormAsync("/Account/Manage/Password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = TestUsers.Password, ["Input.NewPassword"] = "aivan-uusi-salasana", ["Input.ConfirmPassword"] = "aivan-uusi-salasana",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/my-studies")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await stolen.GetAsync("/my-studies")).StatusCode);
    }

    [Fact]
    public async Task An_admin_removing_a_role_takes_effect_on_the_next_request()
    {
        var admin = await TestUsers.CreateAsync(Site.Services, "admin@example.fi", "Ylläpitäjä", Roles.Admin);
        var trainer = await TestUsers.CreateAsync(Site.Services, "kouluttaja@example.fi", "Kouluttaja", Roles.Trainer);
        var trainerClient = Site.CreateBrowserLikeClient();
        await trainerClient.SignInAsync(trainer.Email!, TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, (await trainerClient.GetAsync("/Trainer/Tasks")).StatusCode);
        var adminClient = Site.CreateBrowserLikeClient();
        await adminClient.SignInAsync(admin.Email!, TestUsers.Password);

        await adminClient.PostFormAsync("/Admin/Users?handler=Roles", new Dictionary<string, string> { ["userId"] = trainer.Id }, formUrl: "/Admin/Users");

        Assert.NotEqual(HttpStatusCode.OK, (await trainerClient.GetAsync("/Trainer/Tasks")).StatusCode);
    }

    [Fact]
    public async Task The_antiforgery_and_sign_in_cookies_are_secure_outside_development()
    {
        var response = await Site.CreateBrowserLikeClient().GetAsync("/Account/Login");
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.Contains("Antiforgery", StringComparison.OrdinalIgnoreCase) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Changing_the_email_tells_the_old_address()
    {
        var user = await TestUsers.CreateAsync(Site.Services, "vanha@example.fi");
        var client = Site.CreateBrowserLikeClient();
        await client.SignInAsync(user.Email!, TestUsers.Password);

        await client.PostFormAsync("/Account/Manage/Email", new Dictionary<string, string> { ["NewEmail"] = "uusi@example.fi" });

        var notice = await Site.Mailbox.WaitForAsync("vanha@example.fi");
        Assert.Contains("uusi@example.fi", notice.TextBody);
        await Site.Mailbox.WaitForAsync("uusi@example.fi");
    }

    [Fact]
    public async Task Only_the_latest_email_change_can_be_confirmed_so_a_mistyped_address_cannot_take_the_account_later()
    {
        var user = await TestUsers.CreateAsync(Site.Services, "pia@example.fi");
        var client = Site.CreateBrowserLikeClient();
        await client.SignInAsync(user.Email!, TestUsers.Password);

        await client.PostFormAsync("/Account/Manage/Email", new Dictionary<string, string> { ["NewEmail"] = "pia.kirjoitusvirhe@example.fi" });
        var mistyped = PickupMailbox.LinkIn(await Site.Mailbox.WaitForAsync("pia.kirjoitusvirhe@example.fi"), "/Account/ConfirmEmailChange");
        await client.PostFormAsync("/Account/Manage/Email", new Dictionary<string, string> { ["NewEmail"] = "pia.uusi@example.fi" });
        var wanted = PickupMailbox.LinkIn(await Site.Mailbox.WaitForAsync("pia.uusi@example.fi"), "/Account/ConfirmEmailChange");

        var stranger = Site.CreateBrowserLikeClient();
        Assert.DoesNotContain("on vaihdettu", await stranger.GetStringAsync(mistyped));
        Assert.Contains("on vaihdettu", await client.GetStringAsync(wanted));
        Assert.Equal("pia.uusi@example.fi", await _learning.DbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.Email).SingleAsync()));
        Assert.DoesNotContain("on vaihdettu", await stranger.GetStringAsync(mistyped));
        Assert.Equal(0, await _learning.DbAsync(db => db.UserTokens.CountAsync(t => t.UserId == user.Id)));
    }

    /// <summary>The notice is a warning: it must not end by telling a hijacked account's owner to ignore it.</summary>
    [Theory]
    [InlineData("fi", "voit jättää viestin huomiotta", "Jos pyysit muutosta itse, sinun ei tarvitse tehdä mitään")]
    [InlineData("sv", "strunta i meddelandet", "Om du själv begärde ändringen behöver du inte göra något")]
    [InlineData("en", "you can ignore this message", "If you asked for the change yourself, you need not do anything")]
    public async Task The_email_change_notice_to_the_old_address_never_says_it_can_be_ignored(string language, string ignore, string ifYou)
    {
        var user = await TestUsers.CreateAsync(Site.Services, $"vanha-{language}@example.fi");
        await _learning.DbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, language)));
        var client = Site.CreateBrowserLikeClient();
        await client.SignInAsync(user.Email!, TestUsers.Password);

        await client.PostFormAsync("/Account/Manage/Email", new Dictionary<string, string> { ["NewEmail"] = $"uusi-{language}@example.fi" });

        var notice = await Site.Mailbox.WaitForAsync(user.Email!);
        Assert.DoesNotContain(ignore, notice.TextBody);
        Assert.DoesNotContain(ignore, notice.HtmlBody);
        Assert.Contains(ifYou, notice.TextBody);
        Assert.Contains(ifYou, WebUtility.HtmlDecode(notice.HtmlBody));
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static async Task<TimeSpan> TimeAsync(TestSite site, string url, string field, string email)
    {
        var client = site.CreateBrowserLikeClient();
        await client.GetStringAsync(url); // warm the page
        var watch = Stopwatch.StartNew();
        var response = await client.PostFormAsync(url, new Dictionary<string, string> { [field] = email, ["Input.FullName"] = "Ajastettu" });
        watch.Stop();
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return watch.Elapsed;
    }

    private async Task<HttpClient> CoordinatorAsync() => (await TestUsers.SignedInCoordinatorAsync(Site, "Organisaatio A")).Client;

    private static async Task<int> CohortAsync(HttpClient coordinator)
    {
        var response = await coordinator.PostFormAsync("/Coordination/Cohorts", new Dictionary<string, string>
        {
            ["Input.Name"] = "Ryhmä", ["Input.CourseId"] = "kurssi", ["Input.StartsOn"] = "2026-12-01", ["Input.EndsOn"] = "2027-03-01",
        });
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
