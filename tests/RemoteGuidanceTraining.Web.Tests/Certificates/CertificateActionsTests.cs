using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Privacy;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Certificates;

public sealed class CertificateActionsTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task Reissue_after_a_name_correction_gives_a_new_code_and_the_old_one_shows_replaced()
    {
        var (coordinator, coordinatorId) = await CoordinatorAsync("Lapin ammattiopisto");
        var (old, userId) = await IssueAsync("Mikko Virhenimi", "Lapin ammattiopisto");
        await RenameAsync(userId, "Mikko Oikeanimi");

        var response = await coordinator.PostFormAsync($"/Coordination/Certificate/{old.Id}?handler=Reissue",
            new Dictionary<string, string> { ["note"] = "Nimen korjaus" }, formUrl: $"/Coordination/Certificate/{old.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // The course title is in the course's language, whatever the page's.
        Assert.Contains($"<dd lang=\"{old.Language}\">{old.CourseTitle}</dd>", await coordinator.GetStringAsync($"/Coordination/Certificate/{old.Id}"));
        var (oldNow, replacement) = await ReloadAsync(old.Id);
        Assert.Equal(CertificateStatus.Replaced, oldNow.Status);
        Assert.Equal(replacement!.Id, oldNow.ReplacedByCertificateId);
        Assert.Equal("Mikko Oikeanimi", replacement.FullName);
        Assert.NotEqual(old.VerificationCode, replacement.VerificationCode);
        Assert.Contains("Todistus on korvattu uudella todistuksella.", await site.CreateClient().GetStringAsync($"/verify/{old.VerificationCode}"));
        Assert.Contains("Mikko Oikeanimi", await site.CreateClient().GetStringAsync($"/verify/{replacement.VerificationCode}"));
        var events = await EventsAsync(old.Id);
        Assert.Contains(events, e => e.Action == "Replaced" && e.ByUserId == coordinatorId && e.Note == "Nimen korjaus");
    }

    [Fact]
    public async Task Revoke_needs_a_reason_and_is_recorded_with_who_did_it()
    {
        var (coordinator, coordinatorId) = await CoordinatorAsync("Kainuun ohjaamo");
        var (certificate, _) = await IssueAsync("Reijo Peruttava", "Kainuun ohjaamo");

        await coordinator.PostFormAsync($"/Coordination/Certificate/{certificate.Id}?handler=Revoke",
            new Dictionary<string, string> { ["reason"] = "" }, formUrl: $"/Coordination/Certificate/{certificate.Id}");
        Assert.Equal(CertificateStatus.Valid, (await ReloadAsync(certificate.Id)).Certificate.Status);
        var tooLong = await coordinator.PostFormAsync($"/Coordination/Certificate/{certificate.Id}?handler=Revoke",
            new Dictionary<string, string> { ["reason"] = new string('x', 1001) }, formUrl: $"/Coordination/Certificate/{certificate.Id}");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, tooLong.StatusCode); // a message on the page, not a 500
        Assert.Equal(CertificateStatus.Valid, (await ReloadAsync(certificate.Id)).Certificate.Status);

        await coordinator.PostFormAsync($"/Coordination/Certificate/{certificate.Id}?handler=Revoke",
            new Dictionary<string, string> { ["reason"] = "Suoritus kirjattu väärälle henkilölle", ["confirm"] = "true" }, formUrl: $"/Coordination/Certificate/{certificate.Id}");

        var (revoked, _) = await ReloadAsync(certificate.Id);
        Assert.Equal(CertificateStatus.Revoked, revoked.Status);
        Assert.Equal("Suoritus kirjattu väärälle henkilölle", revoked.RevokedReason);
        Assert.Contains(await EventsAsync(certificate.Id), e => e.Action == "Revoked" && e.ByUserId == coordinatorId);
        Assert.Contains("Todistus on peruttu.", await site.CreateClient().GetStringAsync($"/verify/{certificate.VerificationCode}"));
    }

    [Fact]
    public async Task Revoking_without_ticking_the_confirmation_changes_nothing_and_says_why()
    {
        var (coordinator, _) = await CoordinatorAsync("Vahvistava opisto");
        var (certificate, _) = await IssueAsync("Veera Varmistus", "Vahvistava opisto");
        var page = await coordinator.GetStringAsync($"/Coordination/Certificate/{certificate.Id}");
        Assert.Contains("<input name=\"confirm\" type=\"checkbox\" value=\"true\" required>", page);

        var response = await coordinator.PostFormAsync($"/Coordination/Certificate/{certificate.Id}?handler=Revoke",
            new Dictionary<string, string> { ["reason"] = "Väärä henkilö" }, formUrl: $"/Coordination/Certificate/{certificate.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Vahvista peruminen valintaruudulla.", await coordinator.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Equal(CertificateStatus.Valid, (await ReloadAsync(certificate.Id)).Certificate.Status);
    }

    [Fact]
    public async Task Two_reissues_at_the_same_moment_give_one_new_certificate_and_no_error()
    {
        var (_, coordinatorId) = await CoordinatorAsync("Kilpaileva opisto");
        var (certificate, userId) = await IssueAsync("Kalle Kahdesti", "Kilpaileva opisto");

        // Both requests found it valid before either wrote: the page's check passed twice.
        var second = await BothAtOnceAsync(certificate.Id, (actions, c) => actions.ReissueAsync(c, coordinatorId, "Nimen korjaus"));

        Assert.False(second.Done); // told who changed it first (the page shows it), not a 500
        Assert.Equal(("Replaced", "Kirsi Koordinaattori"), (second.MeanwhileAction, second.MeanwhileBy?.Name));

        Assert.Single(await ValidOfAsync(userId));
        Assert.Single(await EventsAsync(certificate.Id), e => e.Action == "Replaced");
    }

    [Fact]
    public async Task Reissue_and_revoke_sent_together_from_two_tabs_never_give_a_500()
    {
        var (coordinator, _) = await CoordinatorAsync("Kaksi välilehteä");
        var (certificate, userId) = await IssueAsync("Tiina Tabi", "Kaksi välilehteä");
        var url = $"/Coordination/Certificate/{certificate.Id}";

        var responses = await Task.WhenAll(
            coordinator.PostFormAsync($"{url}?handler=Reissue", new Dictionary<string, string> { ["note"] = "Välilehti 1" }, formUrl: url),
            coordinator.PostFormAsync($"{url}?handler=Reissue", new Dictionary<string, string> { ["note"] = "Välilehti 2" }, formUrl: url),
            coordinator.PostFormAsync($"{url}?handler=Revoke", new Dictionary<string, string> { ["reason"] = "Välilehti 3", ["confirm"] = "true" }, formUrl: url));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(await EventsAsync(certificate.Id), e => e.Action is "Replaced" or "Revoked");
        Assert.True((await ValidOfAsync(userId)).Count <= 1);
    }

    [Fact]
    public async Task Two_revocations_at_the_same_moment_revoke_once()
    {
        var (_, coordinatorId) = await CoordinatorAsync("Kaksoisperuva opisto");
        var (certificate, _) = await IssueAsync("Pertti Kahdesti", "Kaksoisperuva opisto");

        var second = await BothAtOnceAsync(certificate.Id, (actions, c) => actions.RevokeAsync(c, coordinatorId, "Väärä henkilö"));

        Assert.Equal((false, "Revoked"), (second.Done, second.MeanwhileAction));

        Assert.Single(await EventsAsync(certificate.Id), e => e.Action == "Revoked");
        using var scope = site.Services.CreateScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries
            .CountAsync(a => a.Action == RemoteGuidanceTraining.Web.Audit.AuditActions.CertificateRevoked && a.Details == certificate.SerialNumber));
    }

    [Fact]
    public async Task A_revoked_certificate_can_be_followed_by_one_new_certificate_and_its_code_stays_revoked()
    {
        var (coordinator, _) = await CoordinatorAsync("Armollinen opisto");
        var (certificate, userId) = await IssueAsync("Aino Armahdettu", "Armollinen opisto");
        await coordinator.PostFormAsync($"/Coordination/Certificate/{certificate.Id}?handler=Revoke",
            new Dictionary<string, string> { ["reason"] = "Peruttu erehdyksessä", ["confirm"] = "true" }, formUrl: $"/Coordination/Certificate/{certificate.Id}");
        Assert.Contains("Myönnä uusi todistus", await coordinator.GetStringAsync($"/Coordination/Certificate/{certificate.Id}"));

        var response = await coordinator.PostFormAsync($"/Coordination/Certificate/{certificate.Id}?handler=IssueNew",
            new Dictionary<string, string> { ["note"] = "Suoritus tarkistettu" }, formUrl: $"/Coordination/Certificate/{certificate.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var fresh = Assert.Single(await ValidOfAsync(userId));
        Assert.NotEqual(certificate.VerificationCode, fresh.VerificationCode);
        Assert.Equal($"/Coordination/Certificate/{fresh.Id}", response.Headers.Location!.OriginalString);
        Assert.Contains("Todistus on peruttu.", await site.CreateClient().GetStringAsync($"/verify/{certificate.VerificationCode}"));
        Assert.Contains("Aino Armahdettu", await site.CreateClient().GetStringAsync($"/verify/{fresh.VerificationCode}"));
        var revokedPage = await coordinator.GetStringAsync($"/Coordination/Certificate/{certificate.Id}");
        Assert.Contains("Uusi todistus myönnetty perutun tilalle", revokedPage);
        Assert.DoesNotContain("Myönnä uusi todistus", revokedPage);

        var again = await coordinator.PostFormAsync($"/Coordination/Certificate/{certificate.Id}?handler=IssueNew",
            new Dictionary<string, string>(), formUrl: $"/Coordination/Certificate/{certificate.Id}");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("vain kerran", await coordinator.GetStringAsync(again.Headers.Location!.OriginalString));
        Assert.Single(await ValidOfAsync(userId));
    }

    [Fact]
    public async Task Two_new_certificates_after_a_revocation_at_the_same_moment_give_one()
    {
        var (_, coordinatorId) = await CoordinatorAsync("Kiireinen opisto");
        var (certificate, userId) = await IssueAsync("Kaisa Kiire", "Kiireinen opisto");
        await WithActionsAsync((actions, c) => actions.RevokeAsync(c, coordinatorId, "Erehdys"), certificate.Id);

        var second = await BothAtOnceAsync(certificate.Id, (actions, c) => actions.IssueAfterRevocationAsync(c, coordinatorId, null));

        Assert.Equal((false, "NewIssued"), (second.Done, second.MeanwhileAction));

        Assert.Single(await ValidOfAsync(userId));
        Assert.Single(await EventsAsync(certificate.Id), e => e.Action == "NewIssued");
    }

    [Fact]
    public async Task The_note_and_reason_fields_allow_what_the_server_allows()
    {
        var (coordinator, _) = await CoordinatorAsync("Pituusopisto");
        var (certificate, _) = await IssueAsync("Pia Pitkä", "Pituusopisto");

        var page = await coordinator.GetStringAsync($"/Coordination/Certificate/{certificate.Id}");

        Assert.Contains($"<input id=\"note\" name=\"note\" maxlength=\"{FieldLengths.Note}\">", page);
        Assert.Contains($"<input id=\"reason\" name=\"reason\" required maxlength=\"{FieldLengths.Note}\">", page);
    }

    [Theory]
    [InlineData("upper")]
    [InlineData("lower, spaces")]
    [InlineData("dashes")]
    public async Task The_certificate_list_finds_a_code_typed_as_verify_accepts_it(string how)
    {
        var (coordinator, _) = await CoordinatorAsync($"Koodiopisto {how}");
        var (certificate, _) = await IssueAsync("Kooda Haettava", $"Koodiopisto {how}");
        var bare = certificate.VerificationCode.Replace("-", "");
        var typed = how switch
        {
            "upper" => bare,
            "lower, spaces" => $"{bare[..4]} {bare[4..8]} {bare[8..]}".ToLowerInvariant(),
            _ => certificate.VerificationCode.ToLowerInvariant(),
        };

        var page = await coordinator.GetStringAsync($"/Coordination/Certificates?q={Uri.EscapeDataString(typed)}");

        Assert.Contains("Todistuksia: 1", page);
        Assert.Contains(certificate.VerificationCode, page);
    }

    [Fact]
    public async Task Resend_puts_the_same_PDF_in_a_new_mail()
    {
        var (coordinator, _) = await CoordinatorAsync("Savon ohjauspalvelut");
        var (certificate, _) = await IssueAsync("Sanni Uudelleen", "Savon ohjauspalvelut");

        await coordinator.PostFormAsync($"/Coordination/Certificate/{certificate.Id}?handler=Resend",
            new Dictionary<string, string>(), formUrl: $"/Coordination/Certificate/{certificate.Id}");

        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var email = await db.Users.Where(u => u.Id == certificate.UserId).Select(u => u.Email).SingleAsync();
        Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.ToAddress == email && m.Category == CertificateMails.Category));
        Assert.Contains(await EventsAsync(certificate.Id), e => e.Action == "Resent");
    }

    [Fact]
    public async Task A_coordinator_of_another_organisation_cannot_see_or_change_the_certificate()
    {
        var (outsider, _) = await CoordinatorAsync("Toinen organisaatio");
        var (certificate, _) = await IssueAsync("Oona Omaorganisaatio", "Oma organisaatio");

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Coordination/Certificate/{certificate.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Coordination/Certificate/{certificate.Id}?handler=Pdf")).StatusCode);
        Assert.DoesNotContain("Oona Omaorganisaatio", await outsider.GetStringAsync("/Coordination/Certificates"));
        var revoke = await outsider.PostFormAsync($"/Coordination/Certificate/{certificate.Id}?handler=Revoke",
            new Dictionary<string, string> { ["reason"] = "x" }, formUrl: "/Coordination/Certificates");
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.Equal(CertificateStatus.Valid, (await ReloadAsync(certificate.Id)).Certificate.Status);
    }

    [Fact]
    public async Task A_participant_gets_403_on_coordinator_pages()
    {
        var email = $"p-{Guid.NewGuid():N}@example.fi";
        await TestUsers.CreateAsync(site.Services, email);
        var client = site.CreateBrowserLikeClient();
        await client.SignInAsync(email, TestUsers.Password);

        foreach (var url in new[] { "/Coordination/Certificates", "/Coordination/Mail", "/Coordination/Certificate/1" })
        {
            var response = await client.GetAsync(url);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location?.PathAndQuery);
        }
    }

    [Fact]
    public async Task The_certificate_list_says_how_many_there_are_and_pages_through_all_of_them()
    {
        var (coordinator, _) = await CoordinatorAsync("Sivuttava opisto");
        var count = CertificateRegistry.PageSize + 2;
        for (var i = 1; i <= count; i++)
        {
            await IssueAsync($"Sivu Henkilö {i:000}", "Sivuttava opisto");
        }

        var first = await coordinator.GetStringAsync("/Coordination/Certificates");
        Assert.Contains($"Todistuksia: {count}", first);
        Assert.Contains("Sivu 1/2", first);
        Assert.Contains($"Sivu Henkilö {count:000}", first);   // newest first
        Assert.DoesNotContain("Sivu Henkilö 001", first);
        var second = await coordinator.GetStringAsync("/Coordination/Certificates?p=2");
        Assert.Contains("Sivu Henkilö 001", second);
        Assert.Contains("Sivu Henkilö 002", second);
        Assert.DoesNotContain($"Sivu Henkilö {count:000}", second);
        Assert.Contains("Todistuksia: 1", await coordinator.GetStringAsync("/Coordination/Certificates?q=Henkil%C3%B6+007"));
    }

    [Fact]
    public async Task A_deleted_persons_certificate_is_not_resent_or_reissued_and_the_page_says_why_but_can_be_revoked()
    {
        var adminEmail = $"a-{Guid.NewGuid():N}@example.fi";
        await TestUsers.CreateAsync(site.Services, adminEmail, "Aila Admin", Roles.Admin);
        var admin = site.CreateBrowserLikeClient();
        await admin.SignInAsync(adminEmail, TestUsers.Password);
        var (certificate, userId) = await IssueAsync("Paula Poistunut", "Lapin ammattiopisto");
        using (var scope = site.Services.CreateScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId);
            await scope.ServiceProvider.GetRequiredService<AccountDeletion>().DeleteAsync(user!, userId);
        }

        var url = $"/Coordination/Certificate/{certificate.Id}";
        var page = await admin.GetStringAsync(url);

        Assert.Contains("Todistuksen saaja on poistanut tilinsä", page);
        Assert.DoesNotContain("handler=Resend", page);
        Assert.DoesNotContain("handler=Reissue", page);
        Assert.DoesNotContain("()", page);
        Assert.Contains("handler=Revoke", page);
        Assert.DoesNotContain("osallistujalle kerrotaan perumisesta", page); // nobody to tell
        foreach (var handler in new[] { "Resend", "Reissue" })
        {
            var refused = await admin.PostFormAsync($"{url}?handler={handler}", new Dictionary<string, string> { ["note"] = "x" }, formUrl: url);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("Todistuksen saaja on poistanut tilinsä", await admin.GetStringAsync(refused.Headers.Location!.OriginalString));
        }

        Assert.Equal(CertificateStatus.Valid, (await ReloadAsync(certificate.Id)).Certificate.Status);
        Assert.Equal(["Issued"], (await EventsAsync(certificate.Id)).Select(e => e.Action));
        var revoked = await admin.PostFormAsync($"{url}?handler=Revoke", new Dictionary<string, string> { ["reason"] = "Pyydetty", ["confirm"] = "true" }, formUrl: url);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(CertificateStatus.Revoked, (await ReloadAsync(certificate.Id)).Certificate.Status);
        Assert.Contains("Todistus on peruttu.", await site.CreateClient().GetStringAsync($"/verify/{certificate.VerificationCode}"));

        // Nor is a new certificate issued to the stub after the revocation: no name to print, no address to send to.
        Assert.DoesNotContain("handler=IssueNew", await admin.GetStringAsync(url));
        var issueNew = await admin.PostFormAsync($"{url}?handler=IssueNew", new Dictionary<string, string>(), formUrl: url);
        Assert.Contains("Todistuksen saaja on poistanut tilinsä", await admin.GetStringAsync(issueNew.Headers.Location!.OriginalString));
        Assert.Empty(await ValidOfAsync(userId));
    }

    [Fact]
    public async Task A_change_by_a_coordinator_whose_account_was_deleted_names_a_deleted_user()
    {
        var adminEmail = $"a-{Guid.NewGuid():N}@example.fi";
        await TestUsers.CreateAsync(site.Services, adminEmail, "Aila Admin", Roles.Admin);
        var admin = site.CreateBrowserLikeClient();
        await admin.SignInAsync(adminEmail, TestUsers.Password);
        var (coordinator, coordinatorId) = await CoordinatorAsync("Poistuva opisto");
        var (certificate, _) = await IssueAsync("Tuula Todistettu", "Poistuva opisto");
        var url = $"/Coordination/Certificate/{certificate.Id}";
        var seenBefore = await LoadedAsync(certificate.Id);
        await coordinator.PostFormAsync($"{url}?handler=Revoke", new Dictionary<string, string> { ["reason"] = "Erehdys", ["confirm"] = "true" }, formUrl: url);
        using (var scope = site.Services.CreateScope())
        {
            // A certificate of their own keeps the coordinator's row as a stub with an empty name.
            var user = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(coordinatorId))!;
            await scope.ServiceProvider.GetRequiredService<CertificateIssuer>().IssueAsync(user, VerifyPageTests.Course, DateTime.UtcNow, null, "Issued");
            await scope.ServiceProvider.GetRequiredService<AccountDeletion>().DeleteAsync(user, coordinatorId);
        }

        var page = await admin.GetStringAsync(url);

        Assert.Contains("Peruttu (poistettu käyttäjä)", page);
        Assert.DoesNotContain("()", page);
        var meanwhile = await seenBefore.Actions.RevokeAsync(seenBefore.Certificate, coordinatorId, "Toinen välilehti");
        Assert.Equal(new CertificateActor("", AccountDeleted: true), meanwhile.MeanwhileBy);
        seenBefore.Scope.Dispose();
    }

    /// <summary>
    /// Two requests that both loaded the certificate while it could still be changed, then act one after the other:
    /// the race two tabs or two coordinators make, without depending on timing. Returns what the second got.
    /// </summary>
    private async Task<T> BothAtOnceAsync<T>(int id, Func<CertificateActions, Certificate, Task<T>> act)
    {
        using var first = site.Services.CreateScope();
        using var second = site.Services.CreateScope();
        var seenByFirst = await first.ServiceProvider.GetRequiredService<AppDbContext>().Certificates.SingleAsync(c => c.Id == id);
        var seenBySecond = await second.ServiceProvider.GetRequiredService<AppDbContext>().Certificates.SingleAsync(c => c.Id == id);
        await act(first.ServiceProvider.GetRequiredService<CertificateActions>(), seenByFirst);
        return await act(second.ServiceProvider.GetRequiredService<CertificateActions>(), seenBySecond);
    }

    /// <summary>The certificate as a request loaded it, before anything else changed it, with that request's actions.</summary>
    private async Task<(IServiceScope Scope, CertificateActions Actions, Certificate Certificate)> LoadedAsync(int id)
    {
        var scope = site.Services.CreateScope();
        var certificate = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Certificates.SingleAsync(c => c.Id == id);
        return (scope, scope.ServiceProvider.GetRequiredService<CertificateActions>(), certificate);
    }

    private async Task WithActionsAsync<T>(Func<CertificateActions, Certificate, Task<T>> act, int id)
    {
        using var scope = site.Services.CreateScope();
        await act(scope.ServiceProvider.GetRequiredService<CertificateActions>(),
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Certificates.SingleAsync(c => c.Id == id));
    }

    private async Task<List<Certificate>> ValidOfAsync(string userId)
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Certificates.AsNoTracking()
            .Where(c => c.UserId == userId && c.Status == CertificateStatus.Valid).ToListAsync();
    }

    private Task<(HttpClient Client, string Id)> CoordinatorAsync(string organisation) => TestUsers.SignedInCoordinatorAsync(site, organisation);

    private async Task<(Certificate Certificate, string UserId)> IssueAsync(string fullName, string organisation)
    {
        var user = await TestUsers.CreateAsync(site.Services, $"c-{Guid.NewGuid():N}@example.fi", fullName);
        await TestOrganisations.JoinAsync(site.Services, user.Id, organisation);
        using var scope = site.Services.CreateScope();
        var certificate = await scope.ServiceProvider.GetRequiredService<CertificateIssuer>().IssueAsync(user, VerifyPageTests.Course, DateTime.UtcNow, null, "Issued");
        return (certificate, user.Id);
    }

    private async Task RenameAsync(string userId, string fullName)
    {
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByIdAsync(userId))!;
        user.FullName = fullName;
        await users.UpdateAsync(user);
    }

    private async Task<(Certificate Certificate, Certificate? Replacement)> ReloadAsync(int id)
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var certificate = await db.Certificates.AsNoTracking().SingleAsync(c => c.Id == id);
        var replacement = certificate.ReplacedByCertificateId is { } next ? await db.Certificates.AsNoTracking().SingleAsync(c => c.Id == next) : null;
        return (certificate, replacement);
    }

    private async Task<List<CertificateEvent>> EventsAsync(int certificateId)
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().CertificateEvents.AsNoTracking().Where(e => e.CertificateId == certificateId).ToListAsync();
    }
}
