using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Trust;

/// <summary>
/// A coordinator's scope comes from an admin, membership from something a coordinator or admin controls, and an
/// import never shows or enrols people outside the scope (issue 10, "Scope and accounts").
/// </summary>
public sealed class ScopeAndMembershipTests : IDisposable
{
    private readonly LearningSite _learning = new();

    private IServiceProvider Services => _learning.Site.Services;

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task Editing_ones_own_profile_organisation_does_not_widen_a_coordinators_scope()
    {
        var (a, aId) = await CoordinatorAsync("Organisaatio A");
        var bertta = await TestUsers.CreateAsync(Services, "bertta@example.fi", "Bertta Beeläinen");
        await TestOrganisations.JoinAsync(Services, bertta.Id, "Organisaatio B");
        await EnrolAsync(bertta.Id);

        var profile = await a.PostFormAsync("/Account/Manage/Index", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Koordinaattori", ["Input.Organisation"] = "Organisaatio B", ["Input.PreferredLanguage"] = "fi",
        });
        Assert.Equal(HttpStatusCode.Redirect, profile.StatusCode);

        Assert.DoesNotContain("Bertta", await a.GetStringAsync("/Coordination/Reports?course=kurssi"));
        Assert.DoesNotContain("Bertta", await a.GetStringAsync("/Coordination/Reports?course=kurssi&organisation=Organisaatio%20B&handler=Csv"));
        Assert.DoesNotContain("Bertta", await a.GetStringAsync("/Coordination/Certificates"));
        Assert.Equal("Organisaatio A", await _learning.DbAsync(db => db.Users.Where(u => u.Id == aId).Select(u => u.Organisation).SingleAsync()));
    }

    [Fact]
    public async Task Registering_as_an_organisation_shows_it_as_self_reported_and_puts_nobody_in_its_scope()
    {
        var (b, _) = await CoordinatorAsync("Organisaatio B");
        var client = _learning.Site.CreateBrowserLikeClient();
        await client.PostFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Urho Utelias", ["Input.Email"] = "urho@example.fi", ["Input.Organisation"] = "Organisaatio B",
        });
        await client.SetPasswordFromLinkAsync(PickupMailbox.LinkIn(await _learning.Site.Mailbox.WaitForAsync("urho@example.fi"), "/Account/SetPassword"), TestUsers.Password);
        var urho = await _learning.DbAsync(db => db.Users.SingleAsync(u => u.Email == "urho@example.fi"));
        await EnrolAsync(urho.Id);

        Assert.Null(urho.OrganisationId);
        Assert.Equal("Organisaatio B", urho.SelfReportedOrganisation);
        Assert.DoesNotContain("Urho", await b.GetStringAsync("/Coordination/Reports?course=kurssi"));
    }

    [Fact]
    public async Task A_confirmed_address_in_a_domain_tied_to_an_organisation_makes_its_owner_a_member()
    {
        var (c, _) = await CoordinatorAsync("Lapin ammattikorkeakoulu");
        await _learning.Site.WithServicesAsync(async s =>
        {
            var directory = s.GetRequiredService<Organisations.OrganisationDirectory>();
            var id = (await directory.ListAsync()).Single(o => o.Name == "Lapin ammattikorkeakoulu").Id;
            Assert.Null(await directory.AddDomainAsync(id, "@LapinAMK.fi"));
        });
        var client = _learning.Site.CreateBrowserLikeClient();
        await client.PostFormAsync("/Account/Register", new Dictionary<string, string> { ["Input.FullName"] = "Liisa Lappi", ["Input.Email"] = "liisa@lapinamk.fi" });
        var unconfirmed = await _learning.DbAsync(db => db.Users.SingleAsync(u => u.Email == "liisa@lapinamk.fi"));
        Assert.Null(unconfirmed.OrganisationId); // not before the address is proven

        await client.SetPasswordFromLinkAsync(PickupMailbox.LinkIn(await _learning.Site.Mailbox.WaitForAsync("liisa@lapinamk.fi"), "/Account/SetPassword"), TestUsers.Password);
        await EnrolAsync(unconfirmed.Id);

        Assert.Contains("Liisa Lappi", await c.GetStringAsync("/Coordination/Reports?course=kurssi"));
    }

    [Fact]
    public async Task Importing_someone_elses_member_reveals_nothing_and_enrols_them_only_when_they_accept()
    {
        var (a, _) = await CoordinatorAsync("Organisaatio A");
        var bertta = await TestUsers.CreateAsync(Services, "bertta@example.fi", "Bertta Beeläinen");
        await TestOrganisations.JoinAsync(Services, bertta.Id, "Organisaatio B");
        var cohort = await CreateCohortAsync(a);

        var import = await a.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Typed",
            new Dictionary<string, string> { ["typed"] = "bertta@example.fi;Kirjoitettu Nimi\nuusi@example.fi;Uusi Ihminen" }, formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");
        Assert.Equal(HttpStatusCode.Redirect, import.StatusCode);
        var page = await a.GetStringAsync($"/Coordination/Cohorts/Cohort/{cohort}");
        Assert.DoesNotContain("Bertta", page);
        Assert.DoesNotContain("Organisaatio B", page);
        Assert.Contains("Kirjoitettu Nimi", page); // what the coordinator typed, shown like any pending invitation
        Assert.Equal(0, await _learning.DbAsync(db => db.Enrollments.CountAsync(e => e.UserId == bertta.Id)));
        Assert.DoesNotContain("Bertta", await a.GetStringAsync($"/Coordination/Reports?course=kurssi&cohort={cohort}"));

        var join = await _learning.Site.Mailbox.WaitForAsync("bertta@example.fi");
        Assert.Contains("/Account/Invitations", join.TextBody);
        var client = _learning.Site.CreateBrowserLikeClient();
        await client.SignInAsync("bertta@example.fi", TestUsers.Password);
        var memberId = await _learning.DbAsync(db => db.CohortMembers.Where(m => m.UserId == bertta.Id).Select(m => m.Id).SingleAsync());
        var accepted = await client.PostFormAsync("/Account/Invitations?handler=Accept", new Dictionary<string, string> { ["id"] = memberId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, formUrl: "/Account/Invitations");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        Assert.Equal(1, await _learning.DbAsync(db => db.Enrollments.CountAsync(e => e.UserId == bertta.Id)));
        Assert.Contains("Bertta Beeläinen", await a.GetStringAsync($"/Coordination/Cohorts/Cohort/{cohort}"));
        Assert.Contains("Bertta Beeläinen", await a.GetStringAsync($"/Coordination/Reports?course=kurssi&cohort={cohort}"));
    }

    [Fact]
    public async Task Accepting_one_cohort_shows_its_coordinator_that_course_only_not_the_persons_other_courses_or_certificates()
    {
        _learning.Write("toinen/course.yml", "title: Toinen kurssi\nsummary: Kuvaus.\nlanguage: fi\ncredits: 1\nhours: 27\nversion: \"1\"\noutcomes:\n  - Osaat.\n");
        _learning.Write("toinen/01-alku/module.yml", "title: Alku\n");
        _learning.Write("toinen/01-alku/01-luku.md", "---\ntitle: Luku\n---\n\nTekstiä.\n");
        _learning.Reload();
        var (a, _) = await CoordinatorAsync("Organisaatio A");
        var bertta = await TestUsers.CreateAsync(Services, "bertta@example.fi", "Bertta Beeläinen");
        await TestOrganisations.JoinAsync(Services, bertta.Id, "Organisaatio B");
        await _learning.DbAsync(async db =>
        {
            db.Enrollments.Add(new Web.Learning.Enrollment { UserId = bertta.Id, CourseId = "toinen" });
            return await db.SaveChangesAsync();
        });
        Web.Certificates.Certificate certificate;
        using (var scope = Services.CreateScope())
        {
            certificate = await scope.ServiceProvider.GetRequiredService<Web.Certificates.CertificateIssuer>().IssueAsync(bertta,
                Certificates.VerifyPageTests.Course with { CourseId = "toinen", Title = "Toinen kurssi" }, DateTime.UtcNow, null, "Issued");
        }

        var cohort = await CreateCohortAsync(a);
        await a.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Typed",
            new Dictionary<string, string> { ["typed"] = "bertta@example.fi;Bertta" }, formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");
        var client = _learning.Site.CreateBrowserLikeClient();
        await client.SignInAsync("bertta@example.fi", TestUsers.Password);
        var memberId = await _learning.DbAsync(db => db.CohortMembers.Where(m => m.UserId == bertta.Id).Select(m => m.Id).SingleAsync());
        await client.PostFormAsync("/Account/Invitations?handler=Accept", new Dictionary<string, string> { ["id"] = memberId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, formUrl: "/Account/Invitations");

        // The cohort's course: what accepting promised.
        Assert.Contains("Bertta Beeläinen", await a.GetStringAsync("/Coordination/Reports?course=kurssi"));
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"/Coordination/Progress/kurssi/{bertta.Id}")).StatusCode);
        // Nothing of her other course, nor its certificate.
        Assert.DoesNotContain("Bertta", await a.GetStringAsync("/Coordination/Reports?course=toinen"));
        Assert.DoesNotContain("Bertta", await a.GetStringAsync("/Coordination/Grid?course=toinen"));
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/Coordination/Progress/toinen/{bertta.Id}")).StatusCode);
        Assert.DoesNotContain("Bertta", await a.GetStringAsync("/Coordination/Certificates"));
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/Coordination/Certificate/{certificate.Id}")).StatusCode);
        var revoke = await a.PostFormAsync($"/Coordination/Certificate/{certificate.Id}?handler=Revoke",
            new Dictionary<string, string> { ["reason"] = "Ei oikeutta." }, formUrl: "/Coordination/Certificates");
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.Equal(Web.Certificates.CertificateStatus.Valid,
            await _learning.DbAsync(db => db.Certificates.Where(c => c.Id == certificate.Id).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task Importing_someone_who_registered_but_never_confirmed_neither_moves_them_nor_enrols_them_without_consent()
    {
        // Found in review: the import put the person in the coordinator's organisation, and the person's own
        // confirmation link then accepted the invitation they never opened; their domain's organisation lost them.
        var (a, _) = await CoordinatorAsync("Organisaatio A");
        var (b, _) = await CoordinatorAsync("Organisaatio B");
        await _learning.Site.WithServicesAsync(async s =>
        {
            var directory = s.GetRequiredService<Organisations.OrganisationDirectory>();
            Assert.Null(await directory.AddDomainAsync((await directory.ListAsync()).Single(o => o.Name == "Organisaatio B").Id, "orgb.fi"));
        });
        var victim = _learning.Site.CreateBrowserLikeClient();
        await victim.PostFormAsync("/Account/Register", new Dictionary<string, string> { ["Input.FullName"] = "Veera Virtanen", ["Input.Email"] = "veera@orgb.fi" });
        var confirmation = PickupMailbox.LinkIn(await _learning.Site.Mailbox.WaitForAsync("veera@orgb.fi"), "/Account/SetPassword");
        var cohort = await CreateCohortAsync(a);
        await a.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Typed",
            new Dictionary<string, string> { ["typed"] = "veera@orgb.fi;Veera Virtanen" }, formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");
        Assert.Null(await _learning.DbAsync(db => db.Users.Where(u => u.Email == "veera@orgb.fi").Select(u => u.OrganisationId).SingleAsync()));

        var set = await victim.SetPasswordFromLinkAsync(confirmation, TestUsers.Password);

        Assert.Equal("/Account/Invitations", set.Headers.Location!.OriginalString); // she decides there
        var veera = await _learning.DbAsync(db => db.Users.SingleAsync(u => u.Email == "veera@orgb.fi"));
        Assert.Equal("Organisaatio B", veera.Organisation); // by her domain, as for anyone who confirms
        Assert.Equal(0, await _learning.DbAsync(db => db.Enrollments.CountAsync(e => e.UserId == veera.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/Coordination/Progress/kurssi/{veera.Id}")).StatusCode);
        var invitationsPage = await victim.GetStringAsync("/Account/Invitations");
        Assert.Contains("Ryhmä", invitationsPage);
        Assert.Matches("Koulutus: <span lang=\"fi\">[^<]+</span>", invitationsPage); // the course's own language marked

        var memberId = await _learning.DbAsync(db => db.CohortMembers.Where(m => m.UserId == veera.Id).Select(m => m.Id).SingleAsync());
        await victim.PostFormAsync("/Account/Invitations?handler=Accept", new Dictionary<string, string> { ["id"] = memberId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, formUrl: "/Account/Invitations");
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"/Coordination/Progress/kurssi/{veera.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync($"/Coordination/Progress/kurssi/{veera.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_second_coordinators_import_does_not_take_over_the_first_ones_invitee()
    {
        var (a, _) = await CoordinatorAsync("Organisaatio A");
        var (b, _) = await CoordinatorAsync("Organisaatio B");
        var cohortB = await CreateCohortAsync(b);
        await b.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohortB}?handler=Typed",
            new Dictionary<string, string> { ["typed"] = "kaija@example.fi;Kaija Kainulainen" }, formUrl: $"/Coordination/Cohorts/Cohort/{cohortB}");
        var linkB = PickupMailbox.LinkIn(await _learning.Site.Mailbox.WaitForAsync("kaija@example.fi"), "/Account/SetPassword");
        var cohortA = await CreateCohortAsync(a);
        await a.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohortA}?handler=Typed",
            new Dictionary<string, string> { ["typed"] = "kaija@example.fi;Kaija" }, formUrl: $"/Coordination/Cohorts/Cohort/{cohortA}");
        await Eventually.TrueAsync(() => _learning.Site.Mailbox.To("kaija@example.fi").Count == 2, "the second invitation");
        Assert.Equal("Organisaatio B", await _learning.DbAsync(db => db.Users.Where(u => u.Email == "kaija@example.fi").Select(u => u.Organisation).SingleAsync()));
        Assert.Equal("Kaija Kainulainen", await _learning.DbAsync(db => db.Users.Where(u => u.Email == "kaija@example.fi").Select(u => u.FullName).SingleAsync()));

        var kaija = _learning.Site.CreateBrowserLikeClient();
        var set = await kaija.SetPasswordFromLinkAsync(linkB, TestUsers.Password);

        Assert.Equal("/Account/Invitations", set.Headers.Location!.OriginalString); // A's invitation is still hers to answer
        var id = await _learning.DbAsync(db => db.Users.Where(u => u.Email == "kaija@example.fi").Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync($"/Coordination/Progress/kurssi/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/Coordination/Progress/kurssi/{id}")).StatusCode);
        Assert.Equal([cohortB], await _learning.DbAsync(db => db.CohortMembers.Where(m => m.UserId == id && m.Status == Web.Cohorts.CohortMemberStatus.Member).Select(m => m.CohortId).ToListAsync()));
    }

    [Fact]
    public async Task Importing_a_new_invitee_again_before_they_answer_keeps_their_one_step_accept()
    {
        // The repeated import mails nothing (the invitation is on its way; Resend sends another): the first link still
        // accepts in one step.
        var (a, _) = await CoordinatorAsync("Organisaatio A");
        var cohort = await CreateCohortAsync(a);
        HttpResponseMessage again = null!;
        for (var i = 1; i <= 2; i++)
        {
            again = await a.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Typed",
                new Dictionary<string, string> { ["typed"] = "uusi@example.fi;Uusi Ihminen" }, formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");
            await Eventually.TrueAsync(() => _learning.Site.Mailbox.To("uusi@example.fi").Count == 1, $"the invitation, after import {i}");
        }

        Assert.Contains("1 oli jo ryhmässä.", await a.GetStringAsync(again.Headers.Location!.OriginalString));
        var set = await _learning.Site.CreateBrowserLikeClient().SetPasswordFromLinkAsync(
            PickupMailbox.LinkIn(_learning.Site.Mailbox.To("uusi@example.fi")[0], "/Account/SetPassword"), TestUsers.Password);

        Assert.StartsWith("/courses/kurssi/", set.Headers.Location!.OriginalString);
        Assert.Equal(1, await _learning.DbAsync(db => db.Enrollments.CountAsync(e => db.Users.Any(u => u.Id == e.UserId && u.Email == "uusi@example.fi"))));
        Assert.Single(_learning.Site.Mailbox.To("uusi@example.fi"));
    }

    [Fact]
    public async Task An_import_never_tags_accounts_with_an_organisation_the_coordinator_typed()
    {
        var (a, _) = await CoordinatorAsync("Organisaatio A");
        await TestOrganisations.EnsureAsync(Services, "Organisaatio B");
        var cohort = await CreateCohortAsync(a);
        await a.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Typed",
            new Dictionary<string, string> { ["typed"] = "vieras@example.fi;Vieras Henkilö;Organisaatio B" }, formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");

        var user = await _learning.DbAsync(db => db.Users.SingleAsync(u => u.Email == "vieras@example.fi"));
        Assert.Equal("Organisaatio A", user.Organisation);
        Assert.Equal("Organisaatio B", user.SelfReportedOrganisation);
    }

    [Fact]
    public async Task Scope_assignments_are_recorded_with_who_and_when_and_removal_ends_access()
    {
        var (a, aId) = await CoordinatorAsync("Organisaatio A");
        var cohort = await CreateCohortAsync(a);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"/Coordination/Cohorts/Cohort/{cohort}")).StatusCode);

        await _learning.Site.WithServicesAsync(s => s.GetRequiredService<Organisations.OrganisationDirectory>().SetScopeAsync(aId, [], [], "admin-id"));

        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/Coordination/Cohorts/Cohort/{cohort}")).StatusCode);
        var history = await _learning.DbAsync(db => db.CoordinatorAssignments.Where(x => x.UserId == aId).ToListAsync());
        var only = Assert.Single(history);
        Assert.Equal("test-admin", only.AssignedByUserId);
        Assert.Equal("admin-id", only.RemovedByUserId);
        Assert.NotNull(only.RemovedAtUtc);
    }

    [Fact]
    public async Task Merging_two_spellings_moves_people_and_cohorts_to_one_organisation()
    {
        var (a, _) = await CoordinatorAsync("Lapin AMK");
        var cohort = await CreateCohortAsync(a);
        var person = await TestUsers.CreateAsync(Services, "p@example.fi", "Pekka Porrassalmi");
        var typo = await TestOrganisations.JoinAsync(Services, person.Id, "Lapin amk.");
        var right = await TestOrganisations.EnsureAsync(Services, "Lapin AMK");
        await _learning.Site.WithServicesAsync(async s => Assert.Null(await s.GetRequiredService<Organisations.OrganisationDirectory>().MergeAsync(typo, right)));

        Assert.Equal("Lapin AMK", await _learning.DbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.Organisation).SingleAsync()));
        Assert.Equal(1, await _learning.DbAsync(db => db.Organisations.CountAsync()));
        Assert.Equal(right, await _learning.DbAsync(db => db.Cohorts.Where(c => c.Id == cohort).Select(c => c.OrganisationId).SingleAsync()));
    }

    private async Task<(HttpClient Client, string Id)> CoordinatorAsync(string organisation)
    {
        var email = $"k-{Guid.NewGuid():N}@example.fi";
        var user = await TestUsers.CreateAsync(Services, email, "Koordinaattori", Roles.Coordinator);
        await TestOrganisations.CoordinateAsync(Services, user.Id, organisation);
        var client = _learning.Site.CreateBrowserLikeClient();
        await client.SignInAsync(email, TestUsers.Password);
        return (client, user.Id);
    }

    private Task EnrolAsync(string userId) => _learning.DbAsync(async db =>
    {
        db.Enrollments.Add(new Web.Learning.Enrollment { UserId = userId, CourseId = "kurssi" });
        return await db.SaveChangesAsync();
    });

    private static async Task<int> CreateCohortAsync(HttpClient coordinator)
    {
        var response = await coordinator.PostFormAsync("/Coordination/Cohorts", new Dictionary<string, string>
        {
            ["Input.Name"] = "Ryhmä", ["Input.CourseId"] = "kurssi", ["Input.StartsOn"] = "2026-12-01", ["Input.EndsOn"] = "2027-03-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
