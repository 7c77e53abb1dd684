using System.Net;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Coordination;

/// <summary>An archived cohort takes nobody in: its invitations are not sent again nor accepted until it is reopened.</summary>
public sealed class ArchivedCohortInvitationTests : IDisposable
{
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task An_archived_cohort_offers_no_resend_and_refuses_one_posted_anyway_without_mailing()
    {
        var (a, id) = await CohortWithInvitationsAsync();
        await ArchiveAsync(a, id, true);
        var memberId = await MemberIdAsync(id, "uusi@example.fi");
        var mails = await _learning.DbAsync(db => db.OutboxMessages.CountAsync());

        var page = await a.GetStringAsync($"/Coordination/Cohorts/Cohort/{id}");
        Assert.Contains("Ryhmä on arkistoitu", page);
        Assert.DoesNotContain("Lähetä kutsu uudelleen", page);
        Assert.DoesNotContain("handler=Resend", page);

        var refused = await a.PostFormAsync($"/Coordination/Cohorts/Cohort/{id}?handler=Resend",
            new Dictionary<string, string> { ["memberId"] = $"{memberId}" }, formUrl: $"/Coordination/Cohorts/Cohort/{id}");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Ryhmä on arkistoitu, joten kutsua ei lähetetty uudelleen.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(mails, await _learning.DbAsync(db => db.OutboxMessages.CountAsync()));

        await ArchiveAsync(a, id, false);
        Assert.Contains("Lähetä kutsu uudelleen", await a.GetStringAsync($"/Coordination/Cohorts/Cohort/{id}"));
    }

    [Fact]
    public async Task An_invitation_to_an_archived_cohort_is_not_accepted_by_the_link_nor_on_the_invitations_page_until_it_is_reopened()
    {
        var (a, id) = await CohortWithInvitationsAsync();
        var link = PickupMailbox.LinkIn(MimeKit.MimeMessage.Load(new MemoryStream(
            await _learning.DbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == "uusi@example.fi").Select(m => m.Mime).SingleAsync()))), "/Account/SetPassword");
        var ulla = await _learning.ParticipantAsync("ulla@example.fi", "Ulla Ulkopuolinen");
        await AddAsync(a, id, "ulla@example.fi");
        var ullaMember = await MemberIdAsync(id, "ulla@example.fi");
        await ArchiveAsync(a, id, true);

        // The new person still gets their password and account, but not the cohort, and is told why.
        var invitee = _learning.Site.CreateBrowserLikeClient();
        var set = await invitee.SetPasswordFromLinkAsync(link, "uusi-salasana-123");
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.NotNull(await _learning.DbAsync(db => db.Users.Where(u => u.Email == "uusi@example.fi").Select(u => u.PasswordHash).SingleAsync()));
        var invitations = await invitee.GetStringAsync(set.Headers.Location!.OriginalString);
        Assert.Contains("Tämä ryhmä on arkistoitu, eikä siihen voi nyt liittyä.", invitations);
        Assert.DoesNotContain("handler=Accept", invitations);
        Assert.Equal(0, await _learning.DbAsync(db => db.Enrollments.CountAsync(e => db.Users.Any(u => u.Id == e.UserId && u.Email == "uusi@example.fi"))));

        // An existing account cannot accept it either, even by posting the form.
        Assert.Contains("Tämä ryhmä on arkistoitu", await ulla.Client.GetStringAsync("/Account/Invitations"));
        var accept = await ulla.Client.PostFormAsync("/Account/Invitations?handler=Accept", new Dictionary<string, string> { ["id"] = $"{ullaMember}" }, formUrl: "/Account/Invitations");
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        Assert.Contains("Ryhmä Kevät 2027 on arkistoitu, joten sinua ei lisätty siihen.", await ulla.Client.GetStringAsync("/Account/Invitations"));
        Assert.Equal(0, await _learning.DbAsync(db => db.CohortMembers.CountAsync(m => m.CohortId == id && m.Status == CohortMemberStatus.Member)));
        Assert.Contains("Osallistujat (0)", await a.GetStringAsync($"/Coordination/Cohorts/Cohort/{id}"));

        // Reopened, the same invitations work again.
        await ArchiveAsync(a, id, false);
        Assert.Equal(HttpStatusCode.Redirect, (await ulla.Client.PostFormAsync("/Account/Invitations?handler=Accept",
            new Dictionary<string, string> { ["id"] = $"{ullaMember}" }, formUrl: "/Account/Invitations")).StatusCode);
        var uusiMember = await MemberIdAsync(id, "uusi@example.fi");
        Assert.Equal(HttpStatusCode.Redirect, (await invitee.PostFormAsync("/Account/Invitations?handler=Accept",
            new Dictionary<string, string> { ["id"] = $"{uusiMember}" }, formUrl: "/Account/Invitations")).StatusCode);
        Assert.Contains("Osallistujat (2)", await a.GetStringAsync($"/Coordination/Cohorts/Cohort/{id}"));
        Assert.Equal(1, await _learning.DbAsync(db => db.Enrollments.CountAsync(e => db.Users.Any(u => u.Id == e.UserId && u.Email == "uusi@example.fi"))));
    }

    private async Task<(HttpClient Coordinator, int CohortId)> CohortWithInvitationsAsync()
    {
        var a = (await TestUsers.SignedInCoordinatorAsync(_learning.Site, "Organisaatio A", "a@example.fi")).Client;
        var response = await a.PostFormAsync("/Coordination/Cohorts", new Dictionary<string, string>
        {
            ["Input.Name"] = "Kevät 2027", ["Input.CourseId"] = "kurssi", ["Input.StartsOn"] = "2026-12-01", ["Input.EndsOn"] = "2027-03-01",
        });
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        await AddAsync(a, id, "uusi@example.fi;Uusi Ihminen");
        return (a, id);
    }

    private Task<int> MemberIdAsync(int cohortId, string email) => _learning.DbAsync(db => db.CohortMembers
        .Where(m => m.CohortId == cohortId && db.Users.Any(u => u.Id == m.UserId && u.Email == email)).Select(m => m.Id).SingleAsync());

    private static async Task ArchiveAsync(HttpClient coordinator, int id, bool archived) =>
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{id}?handler=Archive",
            new Dictionary<string, string> { ["archived"] = archived ? "true" : "false" }, formUrl: $"/Coordination/Cohorts/Cohort/{id}")).StatusCode);

    private static async Task AddAsync(HttpClient coordinator, int id, string typed) =>
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{id}?handler=Typed",
            new Dictionary<string, string> { ["typed"] = typed }, formUrl: $"/Coordination/Cohorts/Cohort/{id}")).StatusCode);
}
