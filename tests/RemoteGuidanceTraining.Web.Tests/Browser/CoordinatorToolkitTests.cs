using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Learning;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Browser;

/// <summary>
/// Issue 16's acceptance, as far as it is built: a coordinator edits a cohort, resends an invitation, sees each
/// member's state, opens one person's progress, filters the report by completion date, exports the activity grid
/// and archives the cohort; axe-core finds nothing serious on any of those pages, charts included.
/// </summary>
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class CoordinatorToolkitTests(BrowserFixture browser) : IAsyncLifetime
{
    private KestrelSite _site = null!;

    public async Task InitializeAsync() => _site = await KestrelSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Edit_resend_progress_completion_filter_grid_export_and_archive()
    {
        var course = _site.Services.GetRequiredService<CatalogHolder>().Current.Courses.First();
        var coordinator = await TestUsers.CreateAsync(_site.Services, "koordinaattori@example.fi", "Kaarina Koordinaattori", Roles.Coordinator);
        await TestOrganisations.CoordinateAsync(_site.Services, coordinator.Id, "Lapin ammattiopisto", "lappi");
        var valma = await TestUsers.CreateAsync(_site.Services, "valma@example.fi", "Valma Valmis");
        await TestOrganisations.JoinAsync(_site.Services, valma.Id, "Lapin ammattiopisto");
        await using var context = await browser.NewContextAsync(_site.BaseUrl);
        var page = await context.NewPageAsync();
        await page.SignInAsync("koordinaattori@example.fi", TestUsers.Password);

        await page.GotoAsync("/Coordination/Cohorts");
        await page.GetByLabel("Ryhmän nimi").FillAsync("Kevään ryhmä");
        await page.GetByRole(AriaRole.Button, new() { Name = "Luo ryhmä" }).ClickAsync();
        await page.GetByLabel("Tai kirjoita osoitteet").FillAsync("valma@example.fi;Valma Valmis\nuusi.ihminen@example.fi;Uusi Ihminen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lisää", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("1 kutsuttu sähköpostilla")).ToBeVisibleAsync();
        await _site.Mailbox.WaitForAsync("uusi.ihminen@example.fi");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Valma Valmis" })).ToContainTextAsync("Ei aloittanut");

        // Valma completed the course on 15 March (a fixture: the participant's own journey is tested elsewhere).
        await WithDbAsync(db =>
        {
            db.CourseCompletions.Add(new CourseCompletion { UserId = valma.Id, CourseId = course.Id, CompletedAtUtc = new DateTime(2026, 3, 15, 10, 0, 0, DateTimeKind.Utc) });
            return db.SaveChangesAsync();
        });

        await page.GetByRole(AriaRole.Link, new() { Name = "Muokkaa ryhmää" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Ryhmän nimi").FillAsync("Kevään ryhmä 2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna muutokset" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Kevään ryhmä 2026" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Valma Valmis" })).ToContainTextAsync("Suorittanut");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lähetä kutsu uudelleen" }).ClickAsync();
        await Eventually.TrueAsync(() => _site.Mailbox.To("uusi.ihminen@example.fi").Count == 2, "the invitation sent again");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Valma Valmis" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Edistyminen: Valma Valmis" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = course.Lessons.First().Title, Exact = true })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync($"/Coordination/Reports?course={course.Id}");
        await page.GetByLabel("Suorittanut alkaen").FillAsync("2026-01-01");
        await page.GetByLabel("Suorittanut viimeistään").FillAsync("2026-03-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Näytä" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Valma Valmis" })).ToContainTextAsync("Kevään ryhmä 2026");
        await Assertions.Expect(page.Locator("svg.chart[role=img]")).ToHaveCountAsync(3);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Suorittanut alkaen").FillAsync("2026-04-01");
        await page.GetByLabel("Suorittanut viimeistään").FillAsync("2026-06-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Näytä" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Valinnoillasi ei löytynyt yhtään osallistujaa")).ToBeVisibleAsync();
        await page.GetByLabel("Suorittanut alkaen").FillAsync("");
        await page.GetByLabel("Suorittanut viimeistään").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Näytä" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Näytä suoritustaulukko samoilla valinnoilla" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Suoritustaulukko" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Lataa taulukko (CSV)" }).ClickAsync());
        var csv = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await download.PathAsync())!));
        Assert.Contains("Valma Valmis;valma@example.fi;Lapin ammattiopisto;100;", csv);
        Assert.Contains($"Oppitunti: {course.Lessons.First().Title}", csv);

        await page.GotoAsync("/Coordination/Funder?from=2026-01-01&to=2026-03-31");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Lapin ammattiopisto" })).ToContainTextAsync(course.Title);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync("/Coordination/Cohorts");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kevään ryhmä 2026" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Arkistoi ryhmä" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Ryhmä on arkistoitu")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Tai kirjoita osoitteet")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    private async Task WithDbAsync(Func<AppDbContext, Task> action)
    {
        using var scope = _site.Services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
