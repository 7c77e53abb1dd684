using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Browser;

/// <summary>
/// Issue 16's acceptance for reminders: a coordinator reminds the people who have not started, the mails reach a
/// real SMTP server in each recipient's language, and the unsubscribe link (opened without signing in) stops the
/// next automatic reminder.
/// </summary>
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class CoordinatorReminderTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly SmtpTestServer _smtp = new();
    private KestrelSite _site = null!;

    public async Task InitializeAsync()
    {
        await _smtp.StartAsync();
        _site = await KestrelSite.StartAsync(SmtpTestServer.SiteSettings(_smtp.Port));
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _smtp.Dispose();
    }

    [Fact]
    public async Task Remind_not_started_people_in_their_languages_and_unsubscribe_stops_the_automatic_one()
    {
        var coordinator = await TestUsers.CreateAsync(_site.Services, "koordinaattori@example.fi", "Kaarina Koordinaattori", Roles.Coordinator);
        await TestOrganisations.CoordinateAsync(_site.Services, coordinator.Id, "Lapin ammattiopisto", "lappi");
        foreach (var (email, name, language) in new[] { ("olli@example.fi", "Olli Odottaja", "fi"), ("sara@example.fi", "Sara Svensson", "sv") })
        {
            var user = await TestUsers.CreateAsync(_site.Services, email, name);
            await TestOrganisations.JoinAsync(_site.Services, user.Id, "Lapin ammattiopisto");
            await WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, language)));
        }

        await using var context = await browser.NewContextAsync(_site.BaseUrl);
        var page = await context.NewPageAsync();
        await page.SignInAsync("koordinaattori@example.fi", TestUsers.Password);
        await page.GotoAsync("/Coordination/Cohorts");
        await page.GetByLabel("Ryhmän nimi").FillAsync("Muistutettavat");
        await page.GetByRole(AriaRole.Button, new() { Name = "Luo ryhmä" }).ClickAsync();
        await page.GetByLabel("Tai kirjoita osoitteet").FillAsync("olli@example.fi;Olli\nsara@example.fi;Sara");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lisää", Exact = true }).ClickAsync();
        await page.GetByLabel("Kaikille, jotka eivät ole aloittaneet").CheckAsync();
        await page.GetByLabel("Oma viesti (valinnainen)").FillAsync("Tapaaminen perjantaina.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lähetä muistutus" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Muistutus lähetetty 2 henkilölle.")).ToBeVisibleAsync();

        var mails = await _smtp.WaitForMessagesAsync(2);
        Assert.StartsWith("Muistutus:", mails.Single(m => m.To.ToString().Contains("olli@", StringComparison.Ordinal)).Subject, StringComparison.Ordinal);
        Assert.StartsWith("Påminnelse:", mails.Single(m => m.To.ToString().Contains("sara@", StringComparison.Ordinal)).Subject, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Lähetetyt muistutukset" })).ToContainTextAsync("sara@example.fi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ota automaattiset muistutukset käyttöön" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Automaattiset muistutukset ovat käytössä")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Twenty quiet days later (since the hand-sent reminder too, which restarted the clock) the job reminds both;
        // Sara stops hers from the link, without signing in.
        await WithDbAsync(db => db.Enrollments.ExecuteUpdateAsync(s => s.SetProperty(e => e.LastActivityAtUtc, DateTime.UtcNow.AddDays(-20))));
        await WithDbAsync(db => db.CohortMembers.ExecuteUpdateAsync(s => s.SetProperty(m => m.LastRemindedAtUtc, DateTime.UtcNow.AddDays(-20))));
        Assert.Equal(2, await RunJobAsync());
        var automatic = (await _smtp.WaitForMessagesAsync(4)).Single(m => m.To.ToString().Contains("sara@", StringComparison.Ordinal) && (m.TextBody ?? "").Contains("/Reminders/Unsubscribe", StringComparison.Ordinal));
        await using var anonymous = await browser.NewContextAsync(_site.BaseUrl);
        var sara = await anonymous.NewPageAsync();
        await sara.GotoAsync(PickupMailbox.LinkIn(automatic, "/Reminders/Unsubscribe"));
        await Accessibility.AssertNoSeriousViolationsAsync(sara);
        await sara.GetByRole(AriaRole.Button).Filter(new() { HasText = "Lopeta muistutukset" }).ClickAsync();
        await Assertions.Expect(sara.GetByText("Valmis: et saa enää automaattisia muistutuksia")).ToBeVisibleAsync();

        await WithDbAsync(db => db.CohortMembers.ExecuteUpdateAsync(s => s.SetProperty(m => m.LastRemindedAtUtc, DateTime.UtcNow.AddDays(-20))));
        Assert.Equal(1, await RunJobAsync()); // Olli only
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Sara Svensson" })).ToContainTextAsync("Ei halua automaattisia muistutuksia");
    }

    private async Task<int> RunJobAsync()
    {
        using var scope = _site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AutoReminders>().RunOnceAsync(CancellationToken.None);
    }

    private async Task WithDbAsync(Func<AppDbContext, Task> action)
    {
        using var scope = _site.Services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
