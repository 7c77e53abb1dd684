using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Coordination;

/// <summary>Editing, archiving and reopening a cohort, each member's state, and removing a member whose progress stays.</summary>
public sealed class CohortManagementTests : IDisposable
{
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task A_coordinator_edits_archives_reopens_and_removes_a_member_whose_progress_stays()
    {
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var id = await CreateCohortAsync(a, "Kevät 2027");
        var pia = await _learning.ParticipantAsync("pia@example.fi", "Pia Osallistuja");
        var olli = await _learning.ParticipantAsync("olli@example.fi", "Olli Odottaja");
        foreach (var p in new[] { pia, olli })
        {
            await TestOrganisations.JoinAsync(_learning.Site.Services, p.UserId, "Organisaatio A");
        }

        await AddAsync(a, id, "pia@example.fi\nolli@example.fi");
        await pia.DoneAsync("alku/kanavat");
        var page = await a.GetStringAsync($"/Coordination/Cohorts/Cohort/{id}");
        Assert.Matches(@"Pia Osallistuja</a>\s*</th>\s*<td>pia@example.fi</td>\s*<td>Organisaatio A</td>\s*<td>Kesken</td>", page);
        Assert.Matches(@"Olli Odottaja</a>\s*</th>\s*<td>olli@example.fi</td>\s*<td>Organisaatio A</td>\s*<td>Ei aloittanut</td>", page);

        var bad = await a.PostFormAsync($"/Coordination/Cohorts/Edit/{id}", Edit("Syksy", "2027-05-01", "2027-01-01"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var tooLong = await a.PostFormAsync($"/Coordination/Cohorts/Edit/{id}", Edit(new string('x', 201), "2027-01-01", "2027-05-01"));
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Equal("Kevät 2027", await _learning.DbAsync(db => db.Cohorts.Where(c => c.Id == id).Select(c => c.Name).SingleAsync()));
        var saved = await a.PostFormAsync($"/Coordination/Cohorts/Edit/{id}", Edit("Syksy 2027", "2027-08-01", "2027-12-01"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        page = await a.GetStringAsync($"/Coordination/Cohorts/Cohort/{id}");
        Assert.Contains("Syksy 2027", page);
        Assert.Equal(new DateOnly(2027, 12, 1), await _learning.DbAsync(db => db.Cohorts.Where(c => c.Id == id).Select(c => c.EndsOn).SingleAsync()));

        await a.PostFormAsync($"/Coordination/Cohorts/Cohort/{id}?handler=Archive", new Dictionary<string, string> { ["archived"] = "true" }, formUrl: $"/Coordination/Cohorts/Cohort/{id}");
        page = await a.GetStringAsync($"/Coordination/Cohorts/Cohort/{id}");
        Assert.Contains("Ryhmä on arkistoitu", page);
        Assert.DoesNotContain("name=\"typed\"", page);
        Assert.Contains("(arkistoitu)", await a.GetStringAsync("/Coordination/Cohorts"));
        var refused = await a.PostFormAsync($"/Coordination/Cohorts/Cohort/{id}?handler=Typed",
            new Dictionary<string, string> { ["typed"] = "uusi@example.fi;Uusi Ihminen" }, formUrl: "/Coordination/Cohorts");
        Assert.Contains("Avaa se uudelleen", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await _learning.DbAsync(db => db.Users.CountAsync(u => u.Email == "uusi@example.fi")));

        await a.PostFormAsync($"/Coordination/Cohorts/Cohort/{id}?handler=Archive", new Dictionary<string, string> { ["archived"] = "false" }, formUrl: $"/Coordination/Cohorts/Cohort/{id}");
        Assert.DoesNotContain("Ryhmä on arkistoitu", await a.GetStringAsync($"/Coordination/Cohorts/Cohort/{id}"));

        var memberId = await _learning.DbAsync(db => db.CohortMembers.Where(m => m.CohortId == id && m.UserId == pia.UserId).Select(m => m.Id).SingleAsync());
        var removed = await a.PostFormAsync($"/Coordination/Cohorts/Cohort/{id}?handler=Remove", new Dictionary<string, string> { ["memberId"] = $"{memberId}" }, formUrl: $"/Coordination/Cohorts/Cohort/{id}");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain("Pia Osallistuja", await a.GetStringAsync($"/Coordination/Cohorts/Cohort/{id}"));
        Assert.Equal(1, await _learning.DbAsync(db => db.LessonCompletions.CountAsync(l => l.UserId == pia.UserId)));
        Assert.Equal(1, await _learning.DbAsync(db => db.Enrollments.CountAsync(e => e.UserId == pia.UserId)));
    }

    [Fact]
    public async Task Another_organisations_coordinator_can_neither_edit_archive_nor_remove()
    {
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var b = await CoordinatorAsync("b@example.fi", "Organisaatio B");
        var id = await CreateCohortAsync(a, "A:n ryhmä");
        var pia = await _learning.ParticipantAsync("pia@example.fi", "Pia Osallistuja");
        await TestOrganisations.JoinAsync(_learning.Site.Services, pia.UserId, "Organisaatio A");
        await AddAsync(a, id, "pia@example.fi");
        var memberId = await _learning.DbAsync(db => db.CohortMembers.Where(m => m.CohortId == id).Select(m => m.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/Coordination/Cohorts/Edit/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostFormAsync($"/Coordination/Cohorts/Edit/{id}", Edit("Kaapattu", "2027-01-01", "2027-05-01"), formUrl: "/Coordination/Cohorts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostFormAsync($"/Coordination/Cohorts/Cohort/{id}?handler=Archive",
            new Dictionary<string, string> { ["archived"] = "true" }, formUrl: "/Coordination/Cohorts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostFormAsync($"/Coordination/Cohorts/Cohort/{id}?handler=Remove",
            new Dictionary<string, string> { ["memberId"] = $"{memberId}" }, formUrl: "/Coordination/Cohorts")).StatusCode);
        var cohort = await _learning.DbAsync(db => db.Cohorts.SingleAsync(c => c.Id == id));
        Assert.Equal("A:n ryhmä", cohort.Name);
        Assert.Null(cohort.ArchivedAtUtc);
        Assert.Equal(1, await _learning.DbAsync(db => db.CohortMembers.CountAsync(m => m.CohortId == id)));
    }

    [Fact]
    public async Task Recipients_copied_from_Outlook_become_one_person_each_and_people_already_in_the_cohort_are_counted_apart()
    {
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var id = await CreateCohortAsync(a, "Kevät 2027");
        var pia = await _learning.ParticipantAsync("pia@example.fi", "Pia Osallistuja");
        await TestOrganisations.JoinAsync(_learning.Site.Services, pia.UserId, "Organisaatio A");

        await AddAsync(a, id, "liisa@example.fi; pekka@example.fi; kaisa@example.fi");
        var invited = await a.GetStringAsync($"/Coordination/Cohorts/Cohort/{id}");
        Assert.Contains("Valmis: 0 lisätty ryhmään suoraan, 3 kutsuttu sähköpostilla.", invited);
        // Nobody has accepted yet: the member list says so instead of showing an empty table.
        Assert.Contains("Ryhmässä ei ole vielä osallistujia.", invited);
        var names = await _learning.DbAsync(db => db.Users.Where(u => u.Email!.EndsWith("@example.fi") && u.Email != "a@example.fi" && u.Email != "pia@example.fi")
            .OrderBy(u => u.Email).Select(u => u.Email + "=" + u.FullName).ToListAsync());
        Assert.Equal(["kaisa@example.fi=kaisa@example.fi", "liisa@example.fi=liisa@example.fi", "pekka@example.fi=pekka@example.fi"], names);

        await AddAsync(a, id, "pia@example.fi");
        await AddAsync(a, id, "pia@example.fi");
        var page = await a.GetStringAsync($"/Coordination/Cohorts/Cohort/{id}");
        Assert.Contains("Valmis: 0 lisätty ryhmään suoraan, 0 kutsuttu sähköpostilla. 1 oli jo ryhmässä.", page);
        Assert.DoesNotContain("Ryhmässä ei ole vielä osallistujia.", page);
    }

    [Fact]
    public async Task A_pending_invitation_is_withdrawn_from_its_row_and_can_no_longer_be_accepted()
    {
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var id = await CreateCohortAsync(a, "Kevät 2027");
        var outsider = await _learning.ParticipantAsync("ulla@example.fi", "Ulla Ulkopuolinen"); // not in the organisation: asked to join
        await AddAsync(a, id, "uusi@example.fi;Uusi Ihminen\nulla@example.fi");
        var link = PickupMailbox.LinkIn(MimeKit.MimeMessage.Load(new MemoryStream(
            await _learning.DbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == "uusi@example.fi").Select(m => m.Mime).SingleAsync()))), "/Account/SetPassword");
        var ullaMember = await _learning.DbAsync(db => db.CohortMembers.Where(m => m.UserId == outsider.UserId).Select(m => m.Id).SingleAsync());

        var page = await a.GetStringAsync($"/Coordination/Cohorts/Cohort/{id}");
        var pending = Table(page, "cohort-table-2");
        Assert.Contains("aria-label=\"Peru kutsu: uusi@example.fi\"", pending);
        Assert.Contains("aria-label=\"Peru kutsu: ulla@example.fi\"", pending);
        foreach (var address in new[] { "uusi@example.fi", "ulla@example.fi" })
        {
            var memberId = Regex.Match(pending, $@"name=""memberId"" value=""(\d+)"">\s*<button[^>]*aria-label=""Peru kutsu: {Regex.Escape(address)}""").Groups[1].Value;
            var withdrawn = await a.PostFormAsync($"/Coordination/Cohorts/Cohort/{id}?handler=Remove", new Dictionary<string, string> { ["memberId"] = memberId }, formUrl: $"/Coordination/Cohorts/Cohort/{id}");
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        }

        page = await a.GetStringAsync($"/Coordination/Cohorts/Cohort/{id}");
        Assert.Contains("Kutsu peruttu.", page);
        Assert.DoesNotContain("uusi@example.fi", page);

        // The new person's link no longer sets a password that enrols them; the outsider has nothing to accept.
        var invitee = _learning.Site.CreateBrowserLikeClient();
        await invitee.SetPasswordFromLinkAsync(link, "uusi-salasana-123");
        Assert.Equal(0, await _learning.DbAsync(db => db.Enrollments.CountAsync(e => db.Users.Any(u => u.Id == e.UserId && u.Email == "uusi@example.fi"))));
        // Nor does it set a password at all: the link was voided, not only the membership removed.
        Assert.Null(await _learning.DbAsync(db => db.Users.Where(u => u.Email == "uusi@example.fi").Select(u => u.PasswordHash).SingleAsync()));
        Assert.DoesNotContain("Kevät 2027", await outsider.Client.GetStringAsync("/Account/Invitations"));
        var accept = await outsider.Client.PostFormAsync("/Account/Invitations?handler=Accept", new Dictionary<string, string> { ["id"] = $"{ullaMember}" }, formUrl: "/Account/Invitations");
        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
        Assert.Equal(0, await _learning.DbAsync(db => db.CohortMembers.CountAsync(m => m.CohortId == id)));
    }

    [Fact]
    public async Task The_member_count_matches_the_member_rows_and_a_declined_invitation_is_shown_by_its_address()
    {
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var id = await CreateCohortAsync(a, "Kevät 2027");
        var pia = await _learning.ParticipantAsync("pia@example.fi", "Pia Osallistuja");
        await TestOrganisations.JoinAsync(_learning.Site.Services, pia.UserId, "Organisaatio A");
        var outsider = await _learning.ParticipantAsync("ulla@example.fi", "Ulla Ulkopuolinen");
        await AddAsync(a, id, "pia@example.fi\nulla@example.fi;Ulla U");
        var ullaMember = await _learning.DbAsync(db => db.CohortMembers.Where(m => m.UserId == outsider.UserId).Select(m => m.Id).SingleAsync());
        await outsider.Client.PostFormAsync("/Account/Invitations?handler=Decline", new Dictionary<string, string> { ["id"] = $"{ullaMember}" }, formUrl: "/Account/Invitations");

        var page = await a.GetStringAsync($"/Coordination/Cohorts/Cohort/{id}");

        Assert.Contains("Osallistujat (1)", page);
        var members = Table(page, "cohort-table-1");
        Assert.Single(Regex.Matches(members, "<th scope=\"row\">"));
        Assert.DoesNotContain("ulla@example.fi", members);
        var declined = Table(page, "cohort-table-declined");
        Assert.Matches(@"<th scope=""row"">ulla@example.fi</th>\s*<td>Ulla U</td>", declined);
        Assert.DoesNotContain("Ulla Ulkopuolinen", page);
    }

    [Fact]
    public async Task A_cohorts_course_is_fixed_once_someone_joined_from_elsewhere_so_their_other_courses_stay_out_of_sight()
    {
        _learning.Write("toinen/course.yml", "title: Toinen kurssi\nsummary: Kuvaus.\nlanguage: fi\ncredits: 1\nhours: 27\nversion: \"1\"\noutcomes:\n  - Osaat.\n");
        _learning.Write("toinen/01-osa/module.yml", "title: Osa\n");
        _learning.Write("toinen/01-osa/01-teksti.md", "---\ntitle: Teksti\nminutes: 5\n---\n\nTekstiä.\n");
        _learning.Reload();
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var empty = await CreateCohortAsync(a, "Vielä tyhjä");
        var moved = await a.PostFormAsync($"/Coordination/Cohorts/Edit/{empty}", Edit("Vielä tyhjä", "2026-12-01", "2027-03-01", "toinen"));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal("toinen", await _learning.DbAsync(db => db.Cohorts.Where(c => c.Id == empty).Select(c => c.CourseId).SingleAsync()));

        // Ulla is in no organisation of A's and studies another course too: she joins the cohort for its course only.
        var id = await CreateCohortAsync(a, "Kevät 2027");
        var ulla = await _learning.ParticipantAsync("ulla@example.fi", "Ulla Ulkopuolinen");
        await ulla.Client.PostFormAsync("/courses/toinen?handler=Enrol", new Dictionary<string, string>(), formUrl: "/courses/toinen");
        await AddAsync(a, id, "ulla@example.fi");
        var memberId = await _learning.DbAsync(db => db.CohortMembers.Where(m => m.UserId == ulla.UserId).Select(m => m.Id).SingleAsync());
        await ulla.Client.PostFormAsync("/Account/Invitations?handler=Accept", new Dictionary<string, string> { ["id"] = $"{memberId}" }, formUrl: "/Account/Invitations");
        Assert.Contains("Ulla Ulkopuolinen", await a.GetStringAsync($"/Coordination/Reports?course=kurssi&cohort={id}"));
        Assert.DoesNotContain("Ulla Ulkopuolinen", await a.GetStringAsync("/Coordination/Reports?course=toinen"));

        var form = await a.GetStringAsync($"/Coordination/Cohorts/Edit/{id}");
        Assert.DoesNotContain("<select", form);
        Assert.Contains("sen koulutusta ei voi vaihtaa", form);
        var refused = await a.PostFormAsync($"/Coordination/Cohorts/Edit/{id}", Edit("Kevät 2027 uusi nimi", "2026-12-01", "2027-03-01", "toinen"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("sen koulutusta ei voi vaihtaa", await refused.Content.ReadAsStringAsync());
        var unchanged = await _learning.DbAsync(db => db.Cohorts.Where(c => c.Id == id).Select(c => new { c.CourseId, c.Name }).SingleAsync());
        Assert.Equal(("kurssi", "Kevät 2027"), (unchanged.CourseId, unchanged.Name));
        Assert.DoesNotContain("Ulla Ulkopuolinen", await a.GetStringAsync("/Coordination/Reports?course=toinen"));
        // Renaming and re-dating still work: the form posts the fixed course back.
        var renamed = await a.PostFormAsync($"/Coordination/Cohorts/Edit/{id}", Edit("Kevät 2027 uusi nimi", "2026-12-01", "2027-03-01"));
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
    }

    /// <summary>The table whose caption has this id, from the caption to its end.</summary>
    private static string Table(string page, string captionId)
    {
        var start = page.IndexOf($"id=\"{captionId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table {captionId}");
        return page[start..page.IndexOf("</table>", start, StringComparison.Ordinal)];
    }

    private static Dictionary<string, string> Edit(string name, string starts, string ends, string course = "kurssi") => new()
    {
        ["Input.Name"] = name, ["Input.CourseId"] = course, ["Input.StartsOn"] = starts, ["Input.EndsOn"] = ends,
    };

    private static Task<HttpResponseMessage> AddAsync(HttpClient coordinator, int id, string typed) =>
        coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{id}?handler=Typed", new Dictionary<string, string> { ["typed"] = typed }, formUrl: $"/Coordination/Cohorts/Cohort/{id}");

    private async Task<HttpClient> CoordinatorAsync(string email, string organisation) =>
        (await TestUsers.SignedInCoordinatorAsync(_learning.Site, organisation, email)).Client;

    private static async Task<int> CreateCohortAsync(HttpClient coordinator, string name)
    {
        var response = await coordinator.PostFormAsync("/Coordination/Cohorts", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.CourseId"] = "kurssi", ["Input.StartsOn"] = "2026-12-01", ["Input.EndsOn"] = "2027-03-01",
        });
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
