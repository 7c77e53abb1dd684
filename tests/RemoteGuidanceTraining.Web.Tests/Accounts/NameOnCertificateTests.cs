using System.Net;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Accounts;

/// <summary>Saving a name tells what it means for certificates: issued ones keep theirs, and what the PDF cannot print.</summary>
public sealed class NameOnCertificateTests : IDisposable
{
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task Renaming_after_a_certificate_says_it_keeps_the_old_name_and_whom_to_ask()
    {
        var p = await _learning.ParticipantAsync(null, "Maija Meikäläinen");
        await p.CompleteAllAsync();

        var page = await SaveNameAsync(p.Client, "Maija Uusinimi");

        Assert.Contains("Jo myönnetyt todistukset säilyvät nimellä, jolla ne myönnettiin.", page);
        Assert.Contains("pyydä korjattua todistusta organisaatiosi koordinaattorilta", page);
        Assert.DoesNotContain("kirjasimessa", page); // a plain Finnish name prints
        // Saving again with the same name, or without any certificate, is just saved.
        Assert.DoesNotContain("säilyvät nimellä", await SaveNameAsync(p.Client, "Maija Uusinimi"));
        var other = await _learning.ParticipantAsync(null, "Olli Ilman");
        Assert.DoesNotContain("säilyvät nimellä", await SaveNameAsync(other.Client, "Olli Uusi"));
    }

    [Fact]
    public async Task A_name_with_characters_the_certificate_cannot_print_is_saved_with_a_warning_naming_them()
    {
        var p = await _learning.ParticipantAsync(null, "Li Wei");

        var page = await SaveNameAsync(p.Client, "Li 李 Wei Åström");

        var shown = WebUtility.HtmlDecode(page);
        Assert.Contains("Nimi tallennettiin, mutta todistuksen kirjasimessa ei ole näitä merkkejä: 李.", shown);
        Assert.Contains("value=\"Li 李 Wei Åström\"", shown); // saved as typed
    }

    [Fact]
    public async Task Registering_and_setting_the_first_password_warn_about_such_a_name_too()
    {
        var client = _learning.Site.CreateBrowserLikeClient();
        var registered = await client.PostFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.FullName"] = "王 Fang", ["Input.Email"] = "fang@example.fi", ["Input.Organisation"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Contains("kirjasimessa ei ole näitä merkkejä: 王.", WebUtility.HtmlDecode(await client.GetStringAsync(registered.Headers.Location!.ToString())));

        var link = PickupMailbox.LinkIn(await _learning.Site.Mailbox.WaitForAsync("fang@example.fi"), "/Account/SetPassword");
        var set = await client.SetPasswordFromLinkAsync(link, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Contains("kirjasimessa ei ole näitä merkkejä: 王.", WebUtility.HtmlDecode(await client.GetStringAsync(set.Headers.Location!.ToString())));
    }

    /// <summary>Saves the profile with a new name and returns the page the redirect leads to.</summary>
    private static async Task<string> SaveNameAsync(HttpClient client, string fullName)
    {
        var saved = await client.PostFormAsync("/Account/Manage", new Dictionary<string, string>
        {
            ["Input.FullName"] = fullName, ["Input.Organisation"] = "", ["Input.PreferredLanguage"] = "fi",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return await client.GetStringAsync(saved.Headers.Location!.ToString());
    }
}
