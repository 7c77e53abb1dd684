using System.Net;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Trust;

/// <summary>
/// Changing one's address to one another account holds: an unfinished registration does not block it, an account in
/// use or an invitation does, and whoever holds the mailbox is told why. The person asking learns nothing either way.
/// </summary>
public sealed class EmailChangeTakenAddressTests : IDisposable
{
    private readonly LearningSite _learning = new();

    private TestSite Site => _learning.Site;

    public void Dispose() => _learning.Dispose();

    private static Task<HttpResponseMessage> AskAsync(HttpClient client, string address) =>
        client.PostFormAsync("/Account/Manage/Email", new Dictionary<string, string> { ["NewEmail"] = address });

    private static Task<HttpResponseMessage> RegisterAsync(string address, TestSite site) =>
        site.CreateBrowserLikeClient().PostFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Hyökkääjä Ilkeä", ["Input.Email"] = address,
        });

    [Fact]
    public async Task A_registration_nobody_finished_does_not_block_the_change_its_link_confirms()
    {
        // Before, a stranger registering the address after the request made the owner's link say "expired or used".
        var pia = await _learning.ParticipantAsync("pia@example.fi", "Pia Pyytaja");
        await AskAsync(pia.Client, "pia.uusi@example.fi");
        var link = PickupMailbox.LinkIn(await Site.Mailbox.WaitForAsync("pia.uusi@example.fi"), "/Account/ConfirmEmailChange");
        await RegisterAsync("pia.uusi@example.fi", Site);
        await Eventually.TrueAsync(() => Site.Mailbox.To("pia.uusi@example.fi").Count == 2, "the stranger's confirmation mail");

        var page = WebUtility.HtmlDecode(await pia.Client.GetStringAsync(new Uri(link).PathAndQuery));

        Assert.Contains("Sähköpostiosoitteesi on vaihdettu", page);
        var accounts = await _learning.DbAsync(db => db.Users.Where(u => u.Email == "pia.uusi@example.fi").Select(u => u.FullName).ToListAsync());
        Assert.Equal(["Pia Pyytaja"], accounts);
    }

    [Fact]
    public async Task A_forged_link_removes_no_unfinished_registration()
    {
        var pia = await _learning.ParticipantAsync("pia@example.fi", "Pia Pyytaja");
        await AskAsync(pia.Client, "pia.uusi@example.fi");
        var link = new Uri(PickupMailbox.LinkIn(await Site.Mailbox.WaitForAsync("pia.uusi@example.fi"), "/Account/ConfirmEmailChange")).PathAndQuery;
        await RegisterAsync("pia.uusi@example.fi", Site);
        var forged = System.Text.RegularExpressions.Regex.Replace(link, "code=[^&]+", "code=QUJD");

        var page = WebUtility.HtmlDecode(await Site.CreateBrowserLikeClient().GetStringAsync(forged));

        Assert.DoesNotContain("on vaihdettu", page);
        Assert.Equal("Hyökkääjä Ilkeä", await _learning.DbAsync(db => db.Users.Where(u => u.Email == "pia.uusi@example.fi").Select(u => u.FullName).SingleAsync()));
    }

    [Fact]
    public async Task An_address_someone_uses_gets_a_mail_saying_why_nothing_changed_and_the_asker_sees_the_usual_answer()
    {
        // Before, no mail at all went to the taken address: the owner of both accounts was left waiting for a link.
        var pia = await _learning.ParticipantAsync("pia@example.fi", "Pia Pyytaja");
        await _learning.ParticipantAsync("pia.tyo@example.fi", "Pia Toinen");

        var asked = await AskAsync(pia.Client, "pia.tyo@example.fi");
        var status = WebUtility.HtmlDecode(await pia.Client.GetStringAsync("/Account/Manage/Email"));
        var mail = await Site.Mailbox.WaitForAsync("pia.tyo@example.fi");

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Contains("Lähetimme vahvistuslinkin osoitteeseen pia.tyo@example.fi", status);
        Assert.StartsWith("Sähköpostiosoitteen vaihto", mail.Subject);
        Assert.StartsWith("Hei,", (mail.TextBody ?? "").TrimStart()); // not the asker's name: the mailbox is someone else's
        Assert.DoesNotContain("Pia Pyytaja", mail.TextBody + mail.To);
        Assert.Contains("osoitteella on jo palvelussa toinen tili", mail.TextBody);
        Assert.Contains("/Account/ForgotPassword", mail.TextBody);
        Assert.DoesNotContain("/Account/ConfirmEmailChange", mail.TextBody);
        await Site.Mailbox.WaitForAsync("pia@example.fi"); // the old address is told of every request, as before
    }

    [Fact]
    public async Task The_askers_data_export_lists_the_same_mails_for_a_free_and_a_taken_address()
    {
        // Before, the export named the taken address's mail "Sähköpostiosoitetta ei vaihdettu": an account's existence
        // could be read from it.
        await _learning.ParticipantAsync("olemassa@example.fi", "Olli Olemassa");
        var free = await _learning.ParticipantAsync("eka@example.fi", "Eka Kysyjä");
        var taken = await _learning.ParticipantAsync("toka@example.fi", "Toka Kysyjä");
        await AskAsync(free.Client, "vapaa@example.fi");
        await AskAsync(taken.Client, "olemassa@example.fi");
        await Site.Mailbox.WaitForAsync("vapaa@example.fi");
        await Eventually.TrueAsync(() => Site.Mailbox.To("olemassa@example.fi").Count == 1, "the mail to the taken address");

        var freeMail = await ExportedMailAsync(free.Client, asked: "vapaa@example.fi", own: "eka@example.fi");
        var takenMail = await ExportedMailAsync(taken.Client, asked: "olemassa@example.fi", own: "toka@example.fi");

        Assert.Equal(freeMail, takenMail);
    }

    /// <summary>
    /// The export's mail list as recipient, subject and category, one line each, sorted, with the addresses named by
    /// their part (times differ between people).
    /// </summary>
    private static async Task<string> ExportedMailAsync(HttpClient client, string asked, string own)
    {
        var response = await client.PostFormAsync("/Account/Manage/Data", new Dictionary<string, string>());
        using var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync());
        using var reader = new StreamReader(zip.GetEntry("my-data.json")!.Open());
        using var json = System.Text.Json.JsonDocument.Parse(await reader.ReadToEndAsync());
        return string.Join("\n", json.RootElement.GetProperty("mail").EnumerateArray()
            .Select(m => $"{m.GetProperty("to").GetString()} | {m.GetProperty("subject").GetString()} | {m.GetProperty("category").GetString()}")
            .Select(line => line.Replace(asked, "asked", StringComparison.Ordinal).Replace(own, "own", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_link_opened_after_the_address_was_invited_says_the_address_has_another_account()
    {
        var pia = await _learning.ParticipantAsync("pia@example.fi", "Pia Pyytaja");
        await AskAsync(pia.Client, "pia.uusi@example.fi");
        var link = PickupMailbox.LinkIn(await Site.Mailbox.WaitForAsync("pia.uusi@example.fi"), "/Account/ConfirmEmailChange");
        var (coordinator, _) = await TestUsers.SignedInCoordinatorAsync(Site, "Organisaatio A");
        var cohort = await coordinator.PostFormAsync("/Coordination/Cohorts", new Dictionary<string, string>
        {
            ["Input.Name"] = "Ryhmä", ["Input.CourseId"] = "kurssi", ["Input.StartsOn"] = "2026-12-01", ["Input.EndsOn"] = "2027-03-01",
        });
        var cohortUrl = cohort.Headers.Location!.OriginalString;
        await coordinator.PostFormAsync($"{cohortUrl}?handler=Typed", new Dictionary<string, string> { ["typed"] = "pia.uusi@example.fi;Pia Kutsuttu" }, formUrl: cohortUrl);
        await Eventually.TrueAsync(() => Site.Mailbox.To("pia.uusi@example.fi").Count == 2, "the invitation");

        var page = WebUtility.HtmlDecode(await pia.Client.GetStringAsync(new Uri(link).PathAndQuery));

        Assert.Contains("Osoitetta ei vaihdettu: osoitteella pia.uusi@example.fi on jo palvelussa toinen tili", page);
        Assert.DoesNotContain("vanhentunut", page);
        Assert.Equal("pia@example.fi", await _learning.DbAsync(db => db.Users.Where(u => u.FullName == "Pia Pyytaja").Select(u => u.Email).SingleAsync()));
        Assert.Equal("Pia Kutsuttu", await _learning.DbAsync(db => db.Users.Where(u => u.Email == "pia.uusi@example.fi").Select(u => u.FullName).SingleAsync()));
    }
}
