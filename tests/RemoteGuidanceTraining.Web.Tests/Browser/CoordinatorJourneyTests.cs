using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Browser;

/// <summary>A coordinator imports a cohort from CSV, an invited person starts the course, and the report and its exports show them.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CoordinatorJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private KestrelSite _site = null!;

    public async Task InitializeAsync() => _site = await KestrelSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Import_with_a_bad_row_fix_invite_start_and_report_with_exports()
    {
        var course = _site.Services.GetRequiredService<CatalogHolder>().Current.Courses.First();
        var coordinator = await TestUsers.CreateAsync(_site.Services, "koordinaattori@example.fi", "Kaarina Koordinaattori", Roles.Coordinator);
        await TestOrganisations.CoordinateAsync(_site.Services, coordinator.Id, "Lapin ammattiopisto", "lappi");
        await using var context = await browser.NewContextAsync(_site.BaseUrl);
        var page = await context.NewPageAsync();
        await page.SignInAsync("koordinaattori@example.fi", TestUsers.Password);

        await page.GotoAsync("/Coordination/Cohorts");
        await page.GetByLabel("Ryhmän nimi").FillAsync("Länsi-Lapin ohjaajat 2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Luo ryhmä" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        var folder = Directory.CreateTempSubdirectory("rgt-csv").FullName;
        var bad = Path.Combine(folder, "osallistujat.csv");
        await File.WriteAllTextAsync(bad, "sähköposti;nimi;organisaatio\r\nvaino.aijala@example.fi;Väinö Äijälä;Lapin ammattiopisto\r\nei-osoite;Ville Virhe;Lapin ammattiopisto\r\n", new UTF8Encoding(true));
        await page.GetByLabel("CSV-tiedosto").SetInputFilesAsync(bad);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lue tiedosto ja lisää" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Rivi 3: \"ei-osoite\" ei ole sähköpostiosoite.")).ToBeVisibleAsync();
        Assert.Equal(0, await CountAsync(db => db.CohortMembers.CountAsync()));

        var fixedFile = Path.Combine(folder, "osallistujat-korjattu.csv");
        await File.WriteAllTextAsync(fixedFile, "sähköposti;nimi;organisaatio\r\nvaino.aijala@example.fi;Väinö Äijälä;Lapin ammattiopisto\r\nville.virtanen@example.fi;Ville Virtanen;Lapin ammattiopisto\r\n", new UTF8Encoding(true));
        await page.GetByLabel("CSV-tiedosto").SetInputFilesAsync(fixedFile);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lue tiedosto ja lisää" }).ClickAsync();
        await Assertions.Expect(page.GetByText("2 kutsuttu sähköpostilla")).ToBeVisibleAsync();

        var invitation = await _site.Mailbox.WaitForAsync("vaino.aijala@example.fi");
        await using var invitedContext = await browser.NewContextAsync(_site.BaseUrl, phone: true);
        var invited = await invitedContext.NewPageAsync();
        await invited.GotoAsync(PickupMailbox.LinkIn(invitation, "/Account/SetPassword"));
        await invited.GetByLabel("Uusi salasana").FillAsync("väinön-oma-salasana");
        await invited.GetByLabel("Salasana uudelleen").FillAsync("väinön-oma-salasana");
        await invited.GetByRole(AriaRole.Button, new() { Name = "Tallenna salasana ja kirjaudu" }).ClickAsync();
        var first = course.Lessons.First();
        await Assertions.Expect(invited.GetByRole(AriaRole.Heading, new() { Level = 1, Name = first.Title })).ToBeVisibleAsync();
        await invited.Locator("form button[name=next]").ClickAsync();

        await page.GotoAsync($"/Coordination/Reports?course={course.Id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Väinö Äijälä" })).ToContainTextAsync("Kesken");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        var csvDownload = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Lataa CSV" }).ClickAsync());
        var csvBytes = await File.ReadAllBytesAsync((await csvDownload.PathAsync())!);
        Assert.Equal(Encoding.UTF8.GetPreamble(), csvBytes[..3]);
        var csv = Encoding.UTF8.GetString(csvBytes[3..]);
        Assert.Contains("Väinö Äijälä;vaino.aijala@example.fi;Lapin ammattiopisto", csv);
        // Ville has not accepted his invitation yet: he is listed as invited on the cohort page, not in the report.
        Assert.DoesNotContain("Ville Virtanen", csv);
        Assert.DoesNotContain("<", csv);

        var xlsxDownload = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Lataa Excel (XLSX)" }).ClickAsync());
        using var xlsx = SpreadsheetDocument.Open((await xlsxDownload.PathAsync())!, false);
        var cells = xlsx.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().Select(c => c.InnerText).ToList();
        Assert.Contains("Väinö Äijälä", cells);
        Assert.Contains("Kesken", cells);
        Directory.Delete(folder, recursive: true);
    }

    private async Task<int> CountAsync(Func<AppDbContext, Task<int>> query)
    {
        using var scope = _site.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
