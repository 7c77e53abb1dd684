using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Privacy;

/// <summary>Mail to addresses the person had before, or only asked for, is theirs: in the export and gone with the account.</summary>
public sealed class FormerAddressMailTests : IDisposable
{
    private const string Name = "Oona Osallistuja";
    private const string First = "osallistuja@example.fi";
    private const string Second = "oona.uusi@example.fi";
    private const string Pending = "oona.kesken@example.fi";

    private readonly LearningSite _learning = new();

    private TestSite Site => _learning.Site;

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task Mail_to_earlier_and_asked_for_addresses_is_exported_and_deleted_with_the_account()
    {
        var client = await RegisterChangeAndAskAgainAsync();

        await ExportAndDeleteFindEveryMailAsync(client);
    }

    [Fact]
    public async Task Mail_written_before_it_was_tagged_with_its_account_is_tagged_by_the_upgrade()
    {
        var client = await RegisterChangeAndAskAgainAsync();
        // As an earlier version wrote it: no tag on account mail.
        await _learning.DbAsync(async db =>
        {
            await db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.SubjectType, (string?)null).SetProperty(m => m.SubjectId, (string?)null));
            var migrator = db.GetService<IMigrator>();
            var before = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_AccountMailTaggedWithItsAccount", StringComparison.Ordinal)).Last();
            await migrator.MigrateAsync(before);
            await migrator.MigrateAsync();
            return 0;
        });

        await ExportAndDeleteFindEveryMailAsync(client);
    }

    private async Task<HttpClient> RegisterChangeAndAskAgainAsync()
    {
        var client = Site.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.FullName"] = Name, ["Input.Email"] = First, ["Input.Organisation"] = "Oulun kaupunki",
        })).StatusCode);
        await client.SetPasswordFromLinkAsync(PickupMailbox.LinkIn(await Site.Mailbox.WaitForAsync(First), "/Account/SetPassword"), TestUsers.Password);
        await client.SignInAsync(First, TestUsers.Password);
        await client.PostFormAsync("/Account/Manage/Email", new Dictionary<string, string> { ["NewEmail"] = Second });
        var confirm = new Uri(PickupMailbox.LinkIn(await Site.Mailbox.WaitForAsync(Second), "/Account/ConfirmEmailChange")).PathAndQuery;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(confirm)).StatusCode);
        Assert.Equal(Second, await _learning.DbAsync(db => db.Users.Select(u => u.Email).SingleAsync()));
        await client.PostFormAsync("/Account/Manage/Email", new Dictionary<string, string> { ["NewEmail"] = Pending });
        await Site.Mailbox.WaitForAsync(Pending);
        return client;
    }

    private async Task ExportAndDeleteFindEveryMailAsync(HttpClient client)
    {
        var export = await client.PostFormAsync("/Account/Manage/Data", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var zip = new ZipArchive(await export.Content.ReadAsStreamAsync());
        await using var json = await zip.GetEntry("my-data.json")!.OpenAsync();
        using var doc = await JsonDocument.ParseAsync(json);
        var exported = doc.RootElement.GetProperty("mail").EnumerateArray().Select(m => m.GetProperty("to").GetString()!).ToList();
        var stored = await _learning.DbAsync(db => db.OutboxMessages.Select(m => m.ToAddress).ToListAsync());
        // Registration confirmation and the change notice to the first address, the change link to the second, and
        // the notice to the second and the link to the address still waiting for confirmation.
        Assert.Equal(5, stored.Count);
        Assert.Equal(stored.Order(), exported.Order());
        Assert.Equal(new[] { First, Second, Pending }.Order(), exported.Distinct().Order());

        var deleted = await client.PostFormAsync("/Account/Manage/Delete", new Dictionary<string, string> { ["Password"] = TestUsers.Password });

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await _learning.DbAsync(db => db.OutboxMessages.CountAsync()));
        foreach (var trace in new[] { Name, First, Second, Pending })
        {
            Assert.Empty(await DatabaseSearch.ColumnsContainingAsync(Site.DataFolder, trace));
        }
    }

    [Fact]
    public async Task Someone_who_later_has_an_address_another_account_asked_for_does_not_delete_that_accounts_mail()
    {
        var pia = await _learning.ParticipantAsync("pia@example.fi", "Pia Pyytaja");
        await pia.Client.PostFormAsync("/Account/Manage/Email", new Dictionary<string, string> { ["NewEmail"] = "yhteinen@example.fi" });
        await Site.Mailbox.WaitForAsync("yhteinen@example.fi");
        // The address is free until Pia confirms it: someone else's account gets it meanwhile.
        var olli = await _learning.ParticipantAsync("yhteinen@example.fi", "Olli Ohikulkija");

        var deleted = await olli.Client.PostFormAsync("/Account/Manage/Delete", new Dictionary<string, string> { ["Password"] = TestUsers.Password });

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var left = await _learning.DbAsync(db => db.OutboxMessages.Select(m => m.ToAddress).OrderBy(a => a).ToListAsync());
        Assert.Equal(["pia@example.fi", "yhteinen@example.fi"], left);
    }
}
