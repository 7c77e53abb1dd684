using System.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Coordination;

/// <summary>
/// Nobody asks for a cohort invitation: a coordinator sends it. So it closes by saying who sent it and that taking
/// part is the reader's choice, never with the account mails' "if you did not ask for this, ignore it".
/// </summary>
public sealed class InvitationMailClosingTests : IDisposable
{
    private readonly LearningSite _learning = new();

    private TestSite Site => _learning.Site;

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task A_new_address_and_an_existing_account_are_told_who_invited_them_and_that_they_may_decline_in_their_own_language()
    {
        var (coordinator, _) = await TestUsers.SignedInCoordinatorAsync(Site, "Organisaatio A");
        var ulla = await TestUsers.CreateAsync(Site.Services, "ulla@example.fi", "Ulla Ulkopuolinen"); // outside the scope: asked to join
        await _learning.DbAsync(db => db.Users.Where(u => u.Id == ulla.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, "sv")));
        var cohort = await CohortAsync(coordinator);

        await coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Typed",
            new Dictionary<string, string> { ["typed"] = "uusi@example.fi;Uusi Ihminen\nulla@example.fi" }, formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");

        var invitation = Text(await Site.Mailbox.WaitForAsync("uusi@example.fi"));
        Assert.DoesNotContain("Jos et pyytänyt tätä", invitation.Plain);
        Assert.Contains("Kutsun lähetti ryhmän koordinaattori (Organisaatio A). Jos et halua osallistua, voit jättää viestin huomiotta: "
            + "tiliä ei oteta käyttöön, ellet valitse salasanaa.", invitation.Plain);
        Assert.Contains("Kutsun lähetti ryhmän koordinaattori (Organisaatio A).", invitation.Html);

        var join = Text(await Site.Mailbox.WaitForAsync("ulla@example.fi"));
        Assert.DoesNotContain("Om du inte bad om detta", join.Plain);
        Assert.Contains("Inbjudan skickades av gruppens koordinator (Organisaatio A). Om du inte vill delta kan du avböja inbjudan "
            + "eller strunta i meddelandet: du går med i gruppen bara om du godkänner inbjudan.", join.Plain);
    }

    [Fact]
    public async Task Account_mails_someone_may_have_asked_for_in_another_persons_name_still_say_they_can_be_ignored()
    {
        await TestUsers.CreateAsync(Site.Services, "unohtaja@example.fi");
        await Site.CreateBrowserLikeClient().PostFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = "unohtaja@example.fi" });

        Assert.Contains("Jos et pyytänyt tätä, voit jättää viestin huomiotta.", Text(await Site.Mailbox.WaitForAsync("unohtaja@example.fi")).Plain);
    }

    private static (string Plain, string Html) Text(MimeMessage message) => (message.TextBody ?? "", WebUtility.HtmlDecode(message.HtmlBody ?? ""));

    private static async Task<int> CohortAsync(HttpClient coordinator)
    {
        var response = await coordinator.PostFormAsync("/Coordination/Cohorts", new Dictionary<string, string>
        {
            ["Input.Name"] = "Ryhmä", ["Input.CourseId"] = "kurssi", ["Input.StartsOn"] = "2026-12-01", ["Input.EndsOn"] = "2027-03-01",
        });
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
