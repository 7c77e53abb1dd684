using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using RemoteGuidanceTraining.Web.Accounts;
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
        Assert.Contains("Pieni kurssi", await a.GetStringAsync($"/Coordination/Funder?{period}"));

        Assert.Equal(3, (await CellsAsync(b, $"/Coordination/Funder?handler=Xlsx&{period}")).Count); // title, header, totals: nothing of A
        Assert.Contains("Jaksolla ei ole", await a.GetStringAsync($"/Coordination/Funder?from={today.AddYears(-2):yyyy-MM-dd}&to={today.AddYears(-1):yyyy-MM-dd}"));
        Assert.Contains("Päivämäärä jätettiin pois", await a.GetStringAsync("/Coordination/Funder?from=2027-01-01&to=2026-01-01"));
    }

    private static async Task<List<string[]>> CellsAsync(HttpClient client, string url)
    {
        var bytes = await client.GetByteArrayAsync(url);
        using var xlsx = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        return xlsx.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToArray()).ToList();
    }

    private async Task<HttpClient> CoordinatorAsync(string email, string organisation)
    {
        var user = await TestUsers.CreateAsync(_learning.Site.Services, email, "Koordinaattori", Roles.Coordinator);
        await TestOrganisations.CoordinateAsync(_learning.Site.Services, user.Id, organisation);
        var client = _learning.Site.CreateBrowserLikeClient();
        await client.SignInAsync(email, TestUsers.Password);
        return client;
    }
}
