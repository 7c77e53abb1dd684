using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Coordination;

/// <summary>The funder's XLSX: figures by organisation and region for a period, only from the viewer's scope.</summary>
public sealed class FunderSummaryTests : IDisposable
{
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task The_summary_counts_enrolments_completions_and_hours_in_scope_for_the_period()
    {
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var b = await CoordinatorAsync("b@example.fi", "Organisaatio B");
        var pia = await _learning.ParticipantAsync("pia@example.fi", "Pia Osallistuja");
        await TestOrganisations.JoinAsync(_learning.Site.Services, pia.UserId, "Organisaatio A");
        var olli = await _learning.ParticipantAsync("olli@example.fi", "Olli Osallistuja");
        await TestOrganisations.JoinAsync(_learning.Site.Services, olli.UserId, "Organisaatio A");
        await pia.CompleteAllAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var period = $"from={today.AddDays(-2):yyyy-MM-dd}&to={today.AddDays(2):yyyy-MM-dd}";

        var cells = await CellsAsync(a, $"/Coordination/Funder?handler=Xlsx&{period}");
        Assert.Equal(["Organisaatio A", "", "Pieni kurssi", "2", "1", "27"], cells[2]);
        Assert.Equal("Yhteensä", cells[^1][0]);
        Assert.Contains("<td lang=\"fi\">Pieni kurssi</td>", await a.GetStringAsync($"/Coordination/Funder?{period}"));

        Assert.Equal(3, (await CellsAsync(b, $"/Coordination/Funder?handler=Xlsx&{period}")).Count); // title, header, totals: nothing of A
        Assert.Contains("Jaksolla ei ole", await a.GetStringAsync($"/Coordination/Funder?from={today.AddYears(-2):yyyy-MM-dd}&to={today.AddYears(-1):yyyy-MM-dd}"));
        Assert.Contains("Päivämäärä jätettiin pois", await a.GetStringAsync("/Coordination/Funder?from=9999-01-01"));

        // A reversed period is read the other way round and says so; an end date alone starts its own year.
        var reversed = await a.GetStringAsync("/Coordination/Funder?from=2027-01-01&to=2026-01-01");
        Assert.Contains("Alkupäivä oli loppupäivän jälkeen, joten päivät luettiin toisin päin.", reversed);
        Assert.Contains("name=\"from\" type=\"date\" value=\"2026-01-01\"", reversed);
        Assert.Contains("name=\"to\" type=\"date\" value=\"2027-01-01\"", reversed);
        var endOnly = await a.GetStringAsync("/Coordination/Funder?to=2025-12-31");
        Assert.Contains("name=\"from\" type=\"date\" value=\"2025-01-01\"", endOnly);
        Assert.DoesNotContain("Päivämäärä jätettiin pois", endOnly);
        var report = await a.GetStringAsync("/Coordination/Reports?course=kurssi&from=2026-12-01&to=2026-11-01");
        Assert.Contains("Alkupäivä oli loppupäivän jälkeen", report);
        Assert.Contains("name=\"from\" type=\"date\" value=\"2026-11-01\"", report);
    }

    [Fact]
    public async Task A_period_ends_at_midnight_in_Finland_not_in_UTC()
    {
        // 31.3.2026 23.30 in Helsinki is 20.30 UTC (summer time began on 29.3.) and still March's; 1.4. 00.10 is April's
        // though it is 21.10 UTC on 31.3.
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var pia = await _learning.ParticipantAsync("pia@example.fi", "Pia Osallistuja");
        await TestOrganisations.JoinAsync(_learning.Site.Services, pia.UserId, "Organisaatio A");
        var olli = await _learning.ParticipantAsync("olli@example.fi", "Olli Osallistuja");
        await TestOrganisations.JoinAsync(_learning.Site.Services, olli.UserId, "Organisaatio A");
        await pia.CompleteAllAsync();
        var lastEveningOfMarch = new DateTime(2026, 3, 31, 20, 30, 0, DateTimeKind.Utc);
        var firstMinutesOfApril = new DateTime(2026, 3, 31, 21, 10, 0, DateTimeKind.Utc);
        await _learning.DbAsync(db => db.Enrollments.Where(e => e.UserId == pia.UserId).ExecuteUpdateAsync(s => s.SetProperty(e => e.EnrolledAtUtc, lastEveningOfMarch)));
        await _learning.DbAsync(db => db.CourseCompletions.Where(c => c.UserId == pia.UserId).ExecuteUpdateAsync(s => s.SetProperty(c => c.CompletedAtUtc, lastEveningOfMarch)));
        await _learning.DbAsync(db => db.Enrollments.Where(e => e.UserId == olli.UserId).ExecuteUpdateAsync(s => s.SetProperty(e => e.EnrolledAtUtc, firstMinutesOfApril)));

        var march = await CellsAsync(a, "/Coordination/Funder?handler=Xlsx&from=2026-03-01&to=2026-03-31");
        var april = await CellsAsync(a, "/Coordination/Funder?handler=Xlsx&from=2026-04-01&to=2026-04-30");

        Assert.Equal(["Organisaatio A", "", "Pieni kurssi", "1", "1"], march[2][..5]);
        Assert.Equal(["Organisaatio A", "", "Pieni kurssi", "1", "0"], april[2][..5]);
    }

    [Fact]
    public async Task Typed_filter_dates_are_read_day_first_on_the_funder_report_and_audit_pages()
    {
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");

        var funder = await a.GetStringAsync("/Coordination/Funder?from=2.9.2026&to=30.9.2026");
        Assert.Contains("name=\"from\" type=\"date\" value=\"2026-09-02\"", funder);
        Assert.DoesNotContain("Päivämäärää ei voitu lukea", funder);
        var report = await a.GetStringAsync("/Coordination/Reports?course=kurssi&from=3.9.2026&completedTo=4.9.2026");
        Assert.Contains("name=\"from\" type=\"date\" value=\"2026-09-03\"", report);
        Assert.Contains("name=\"completedTo\" type=\"date\" value=\"2026-09-04\"", report);

        var unreadable = await a.GetStringAsync("/Coordination/Funder?from=09/13/2026");
        Assert.Contains("Päivämäärää ei voitu lukea, joten se jätettiin pois. Anna päivämäärä esimerkiksi muodossa 31.8.2026.", unreadable);
        Assert.Contains("Päivämäärää ei voitu lukea", await a.GetStringAsync("/Coordination/Reports?course=kurssi&to=2026%2F9%2F2"));

        var admin = await TestUsers.CreateAsync(_learning.Site.Services, "admin@example.fi", "Ylläpitäjä", Web.Accounts.Roles.Admin);
        var adminClient = _learning.Site.CreateBrowserLikeClient();
        await adminClient.SignInAsync(admin.Email!, TestUsers.Password);
        Assert.Contains("name=\"from\" type=\"date\" value=\"2026-09-02\"", await adminClient.GetStringAsync("/Admin/Audit?from=2.9.2026"));
    }

    private static async Task<List<string[]>> CellsAsync(HttpClient client, string url)
    {
        var bytes = await client.GetByteArrayAsync(url);
        using var xlsx = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        return xlsx.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToArray()).ToList();
    }

    private async Task<HttpClient> CoordinatorAsync(string email, string organisation) =>
        (await TestUsers.SignedInCoordinatorAsync(_learning.Site, organisation, email)).Client;
}
