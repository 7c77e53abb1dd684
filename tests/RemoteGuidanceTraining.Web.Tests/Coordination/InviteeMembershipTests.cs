using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Audit;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Coordination;

/// <summary>
/// An invitation puts the account it makes in the cohort's organisation at once, but nobody has joined until the
/// invitee uses the account: the admin's organisation list counts such invitees apart, and withdrawing the
/// invitation takes the never-used account out of the organisation unless another of its cohorts still invites it.
/// </summary>
public sealed class InviteeMembershipTests : IDisposable
{
    private readonly LearningSite _learning = new();

    private IServiceProvider Services => _learning.Site.Services;

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task A_withdrawn_invitation_takes_the_unused_account_out_of_the_organisation_and_the_admin_counts_invitees_apart()
    {
        var (kirsi, coordinator, organisation) = await KirsiAsync();
        await TestUsers.CreateAsync(Services, "admin@example.fi", "Anna Admin", Roles.Admin);
        var admin = _learning.Site.CreateBrowserLikeClient();
        await admin.SignInAsync("admin@example.fi", TestUsers.Password);
        var spring = await CreateCohortAsync(kirsi, "Kevät 2027");
        var autumn = await CreateCohortAsync(kirsi, "Syksy 2027");
        await AddAsync(kirsi, spring, "poistuva@example.fi;Poistuva Ihminen\nkahdessa@example.fi;Kahdessa Ryhmässä");
        await AddAsync(kirsi, autumn, "kahdessa@example.fi;Kahdessa Ryhmässä");

        // Kirsi uses her account; the two invitees have not set a password yet.
        Assert.Contains("1 henkilö · 2 kutsuttua ei ole vielä ottanut tiliä käyttöön", await admin.GetStringAsync("/Admin/Organisations"));

        await WithdrawAsync(kirsi, spring, "poistuva@example.fi");
        await WithdrawAsync(kirsi, spring, "kahdessa@example.fi");

        var withdrawn = await _learning.DbAsync(db => db.Users.SingleAsync(u => u.Email == "poistuva@example.fi"));
        Assert.Equal((null, null, null), (withdrawn.OrganisationId, withdrawn.Organisation, withdrawn.MembershipSource));
        // Still invited to the autumn cohort of the same organisation: stays, and Kirsi still sees the invitation.
        Assert.Equal(organisation, await _learning.DbAsync(db => db.Users.Where(u => u.Email == "kahdessa@example.fi").Select(u => u.OrganisationId).SingleAsync()));
        Assert.Contains("Kahdessa Ryhmässä", await kirsi.GetStringAsync($"/Coordination/Cohorts/Cohort/{autumn}"));
        Assert.Contains("1 henkilö · 1 kutsuttu ei ole vielä ottanut tiliä käyttöön", await admin.GetStringAsync("/Admin/Organisations"));

        // The leaving is in the audit log, by the coordinator who withdrew, with the organisation and the cohort.
        var left = await _learning.DbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.MembershipInvitationWithdrawn));
        Assert.Equal((coordinator.Id, withdrawn.Id, $"{organisation} (Organisaatio A); cohort: {spring}"), (left.ActorUserId, left.SubjectUserId, left.Details));
        Assert.Contains("Poistui organisaatiosta tai alueelta, kun kutsu peruttiin", await admin.GetStringAsync("/Admin/Audit?person=poistuva%40example.fi"));
    }

    [Fact]
    public async Task Withdrawing_the_last_of_two_invitations_takes_the_account_out_and_voids_the_second_link()
    {
        // The second cohort's invitation found the account the first one made (unconfirmed) and mailed a password link
        // of its own. Before, withdrawing it left the account in the organisation and its link set a password.
        var (kirsi, _, _) = await KirsiAsync();
        var spring = await CreateCohortAsync(kirsi, "Kevät 2027");
        var autumn = await CreateCohortAsync(kirsi, "Syksy 2027");
        await AddAsync(kirsi, spring, "kahdessa@example.fi;Kahdessa Ryhmässä");
        await AddAsync(kirsi, autumn, "kahdessa@example.fi;Kahdessa Ryhmässä");
        var autumnLink = PickupMailbox.LinkIn(MimeKit.MimeMessage.Load(new MemoryStream(await _learning.DbAsync(db => db.OutboxMessages
            .Where(m => m.ToAddress == "kahdessa@example.fi").OrderByDescending(m => m.Id).Select(m => m.Mime).FirstAsync()))), "/Account/SetPassword");

        await WithdrawAsync(kirsi, spring, "kahdessa@example.fi");
        await WithdrawAsync(kirsi, autumn, "kahdessa@example.fi");

        var account = await _learning.DbAsync(db => db.Users.SingleAsync(u => u.Email == "kahdessa@example.fi"));
        Assert.Null(account.OrganisationId);
        Assert.Equal(1, await _learning.DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.MembershipInvitationWithdrawn && e.SubjectUserId == account.Id)));
        await _learning.Site.CreateBrowserLikeClient().SetPasswordFromLinkAsync(autumnLink, "uusi-salasana-123");
        Assert.Null(await _learning.DbAsync(db => db.Users.Where(u => u.Email == "kahdessa@example.fi").Select(u => u.PasswordHash).SingleAsync()));
    }

    [Fact]
    public async Task A_region_cohorts_invitation_gives_the_region_in_the_audit_log_and_a_withdrawal_takes_it_back()
    {
        // Before, the region came without an entry in the audit log and stayed on the never-used account after a withdrawal.
        var coordinator = await TestUsers.CreateAsync(Services, "reija@example.fi", "Reija Alue", Roles.Coordinator);
        using (var scope = Services.CreateScope())
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<Web.Organisations.OrganisationDirectory>().SetScopeAsync(coordinator.Id, [], ["lappi"], "test-admin"));
        }

        var reija = _learning.Site.CreateBrowserLikeClient();
        await reija.SignInAsync("reija@example.fi", TestUsers.Password);
        var cohort = await CreateCohortAsync(reija, "Lapin ryhmä");
        await AddAsync(reija, cohort, "alueelta@example.fi;Alueen Ihminen\nviela@example.fi;Vielä Kutsuttu");

        var invited = await _learning.DbAsync(db => db.Users.SingleAsync(u => u.Email == "alueelta@example.fi"));
        Assert.Equal(("lappi", "invitation"), (invited.Region, invited.MembershipSource));
        var joined = await _learning.DbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.MembershipByInvitation && e.SubjectUserId == invited.Id));
        Assert.Equal((coordinator.Id, $"region: lappi; cohort: {cohort}"), (joined.ActorUserId, joined.Details));

        await WithdrawAsync(reija, cohort, "alueelta@example.fi");

        var withdrawn = await _learning.DbAsync(db => db.Users.SingleAsync(u => u.Email == "alueelta@example.fi"));
        Assert.Equal(((string?)null, (string?)null), (withdrawn.Region, withdrawn.MembershipSource));
        var left = await _learning.DbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.MembershipInvitationWithdrawn));
        Assert.Equal((withdrawn.Id, $"region: lappi; cohort: {cohort}"), (left.SubjectUserId, left.Details));
        Assert.Equal("lappi", await _learning.DbAsync(db => db.Users.Where(u => u.Email == "viela@example.fi").Select(u => u.Region).SingleAsync()));
    }

    [Fact]
    public async Task An_invitee_who_sets_the_password_on_a_swedish_page_keeps_swedish()
    {
        // Before, the language guessed from the (Finnish) course stayed: saving the password switched the page, and
        // every later mail, to Finnish.
        var (kirsi, _, _) = await KirsiAsync();
        var cohort = await CreateCohortAsync(kirsi, "Kevät 2027");
        await AddAsync(kirsi, cohort, "stina@example.fi;Stina Sjöberg");
        var stina = _learning.Site.CreateBrowserLikeClient();
        stina.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv-FI");

        var set = await stina.SetPasswordFromLinkAsync(PickupMailbox.LinkIn(await _learning.Site.Mailbox.WaitForAsync("stina@example.fi"), "/Account/SetPassword"), TestUsers.Password);
        var next = await stina.GetStringAsync(set.Headers.Location!.OriginalString);

        Assert.Equal("sv", await _learning.DbAsync(db => db.Users.Where(u => u.Email == "stina@example.fi").Select(u => u.PreferredLanguage).SingleAsync()));
        Assert.Contains("<html lang=\"sv\">", next);
    }

    [Fact]
    public async Task Someone_an_admin_placed_counts_as_a_person_before_confirming_their_address()
    {
        await TestUsers.CreateAsync(Services, "admin@example.fi", "Anna Admin", Roles.Admin);
        var admin = _learning.Site.CreateBrowserLikeClient();
        await admin.SignInAsync("admin@example.fi", TestUsers.Password);
        var placed = await TestUsers.CreateAsync(Services, "vahvistamaton@example.fi", "Vahvistamaton Ihminen");
        await _learning.DbAsync(db => db.Users.Where(u => u.Id == placed.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, false)));
        await TestOrganisations.JoinAsync(Services, placed.Id, "Organisaatio B");

        var page = await admin.GetStringAsync("/Admin/Organisations");

        Assert.Contains("Organisaatio B</h3>\n            <p>1 henkilö</p>", page.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task Removing_a_member_who_set_a_password_leaves_their_organisation_alone()
    {
        var (kirsi, _, organisation) = await KirsiAsync();
        var cohort = await CreateCohortAsync(kirsi, "Kevät 2027");
        await AddAsync(kirsi, cohort, "uusi@example.fi;Uusi Ihminen");
        await _learning.Site.CreateBrowserLikeClient().SetPasswordFromLinkAsync(
            PickupMailbox.LinkIn(await _learning.Site.Mailbox.WaitForAsync("uusi@example.fi"), "/Account/SetPassword"), TestUsers.Password);

        await WithdrawAsync(kirsi, cohort, "uusi@example.fi");

        Assert.Equal(organisation, await _learning.DbAsync(db => db.Users.Where(u => u.Email == "uusi@example.fi").Select(u => u.OrganisationId).SingleAsync()));
    }

    [Fact]
    public async Task An_invited_account_locks_after_five_wrong_passwords_like_any_other()
    {
        // Invited accounts are written in bulk, outside Identity's CreateAsync, and were made with lockout off: the
        // right password still let a guesser in after any number of wrong ones.
        var (kirsi, _, _) = await KirsiAsync();
        var cohort = await CreateCohortAsync(kirsi, "Kevät 2027");
        await AddAsync(kirsi, cohort, "vapaa@example.fi;Vapaa Ihminen");
        await _learning.Site.CreateBrowserLikeClient().SetPasswordFromLinkAsync(
            PickupMailbox.LinkIn(await _learning.Site.Mailbox.WaitForAsync("vapaa@example.fi"), "/Account/SetPassword"), TestUsers.Password);
        var guesser = _learning.Site.CreateBrowserLikeClient();
        for (var guess = 1; guess <= 5; guess++)
        {
            Assert.Equal(HttpStatusCode.OK, (await guesser.SignInAsync("vapaa@example.fi", $"arvaus-numero-{guess}")).StatusCode);
        }

        var right = await _learning.Site.CreateBrowserLikeClient().SignInAsync("vapaa@example.fi", TestUsers.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode); // the form again, not the redirect of a signed-in person
        Assert.Contains("5 kertaa", WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync()));
    }

    /// <summary>Kirsi, coordinator of Organisaatio A, signed in: her client, her account and the organisation's id.</summary>
    private async Task<(HttpClient Client, Web.Data.AppUser Account, int Organisation)> KirsiAsync()
    {
        var coordinator = await TestUsers.CreateAsync(Services, "kirsi@example.fi", "Kirsi Koordinaattori", Roles.Coordinator);
        var organisation = await TestOrganisations.CoordinateAsync(Services, coordinator.Id, "Organisaatio A");
        var kirsi = _learning.Site.CreateBrowserLikeClient();
        await kirsi.SignInAsync("kirsi@example.fi", TestUsers.Password);
        return (kirsi, coordinator, organisation);
    }

    private async Task WithdrawAsync(HttpClient coordinator, int cohort, string address)
    {
        var memberId = await _learning.DbAsync(db => db.CohortMembers.Where(m => m.CohortId == cohort && db.Users.Any(u => u.Id == m.UserId && u.Email == address))
            .Select(m => m.Id).SingleAsync());
        var removed = await coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Remove",
            new Dictionary<string, string> { ["memberId"] = $"{memberId}" }, formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
    }

    private static async Task AddAsync(HttpClient coordinator, int cohort, string typed)
    {
        var added = await coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Typed", new Dictionary<string, string> { ["typed"] = typed },
            formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
    }

    private static async Task<int> CreateCohortAsync(HttpClient coordinator, string name)
    {
        var response = await coordinator.PostFormAsync("/Coordination/Cohorts", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.CourseId"] = "kurssi", ["Input.StartsOn"] = "2026-12-01", ["Input.EndsOn"] = "2027-03-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
