using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Coordination;

/// <summary>The report's downloads as Excel reads them: numbers and dates a coordinator can sum and sort.</summary>
public sealed class ReportExportTests : IDisposable
{
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task The_report_xlsx_has_progress_and_scores_as_numbers_and_dates_as_dates_in_finnish_time()
    {
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var pia = await _learning.ParticipantAsync("pia@example.fi", "Pia Osallistuja");
        await TestOrganisations.JoinAsync(_learning.Site.Services, pia.UserId, "Organisaatio A");
        await pia.CompleteAllAsync();

        using var xlsx = SpreadsheetDocument.Open(new MemoryStream(await a.GetByteArrayAsync("/Coordination/Reports?course=kurssi&handler=Xlsx")), false);
        var rows = xlsx.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToArray()).ToList();
        var header = rows[0].Select(c => c.InnerText).ToList();
        var pias = rows.Single(r => r[0].InnerText == "Pia Osallistuja");
        Cell At(string column) => pias[header.IndexOf(column)];

        Assert.Equal(CellValues.Number, At("Edistyminen %").DataType!.Value);
        Assert.Equal("100", At("Edistyminen %").CellValue!.Text);
        Assert.Equal(CellValues.Number, pias[header.FindIndex(h => h.StartsWith("Tietovisa", StringComparison.Ordinal))].DataType!.Value);

        var today = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki")).Date;
        var enrolled = At("Ilmoittautumispäivä");
        Assert.Null(enrolled.DataType);  // a number cell, shown through its date format
        Assert.Equal(today, DateTime.FromOADate(double.Parse(enrolled.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
        var formats = xlsx.WorkbookPart.WorkbookStylesPart!.Stylesheet;
        var style = formats.CellFormats!.Elements<CellFormat>().ElementAt((int)enrolled.StyleIndex!.Value);
        Assert.Equal("d.m.yyyy", formats.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == style.NumberFormatId!.Value).FormatCode!.Value);
        Assert.Equal(enrolled.StyleIndex.Value, At("Suoritettu").StyleIndex!.Value);
        Assert.NotNull(At("Viimeksi aktiivinen").StyleIndex);
        Assert.Equal(CellValues.InlineString, At("Nimi").DataType!.Value);
    }

    [Fact]
    public async Task Characters_xml_cannot_hold_already_in_the_database_are_left_out_of_the_workbooks()
    {
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var pia = await _learning.ParticipantAsync("pia@example.fi", "Pia Osallistuja");
        await TestOrganisations.JoinAsync(_learning.Site.Services, pia.UserId, "Organisaatio A");
        await pia.CompleteAllAsync();
        // Stored before the forms dropped them (or by hand): XML has no way to write U+FFFF, U+FFFE or a C0 control.
        // (A lone surrogate never reaches the database: it is stored as U+FFFD, which XML takes.)
        await _learning.DbAsync(db => db.Users.Where(u => u.Id == pia.UserId).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.FullName, "Pia \uFFFF Osallistuja\u0001")
            .SetProperty(x => x.Organisation, "Organisaatio\uFFFE A")));

        using var report = SpreadsheetDocument.Open(new MemoryStream(await a.GetByteArrayAsync("/Coordination/Reports?course=kurssi&handler=Xlsx")), false);
        var names = report.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().First().InnerText);
        Assert.Contains("Pia  Osallistuja", names);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var funder = SpreadsheetDocument.Open(new MemoryStream(await a.GetByteArrayAsync(
            $"/Coordination/Funder?handler=Xlsx&from={today.AddDays(-2):yyyy-MM-dd}&to={today.AddDays(2):yyyy-MM-dd}")), false);
        Assert.Contains(funder.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>(), c => c.InnerText == "Organisaatio A");
    }

    [Fact]
    public async Task Exports_are_named_in_the_viewers_language_and_date_the_funder_title_its_way()
    {
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var pia = await _learning.ParticipantAsync("pia@example.fi", "Pia Osallistuja");
        await TestOrganisations.JoinAsync(_learning.Site.Services, pia.UserId, "Organisaatio A");
        await a.PostFormAsync("/Language", new Dictionary<string, string> { ["culture"] = "sv", ["returnUrl"] = "/" }, formUrl: "/");

        Assert.Equal("rapport-kurssi.csv", await FileNameAsync(a, "/Coordination/Reports?course=kurssi&handler=Csv"));
        Assert.Equal("rapport-kurssi.xlsx", await FileNameAsync(a, "/Coordination/Reports?course=kurssi&handler=Xlsx"));
        Assert.Equal("prestationer-kurssi.csv", await FileNameAsync(a, "/Coordination/Grid?course=kurssi&handler=Csv"));
        const string period = "from=2026-01-01&to=2026-03-31";
        Assert.Equal("sammandrag-2026-01-01-2026-03-31.xlsx", await FileNameAsync(a, $"/Coordination/Funder?handler=Xlsx&{period}"));

        using (var report = SpreadsheetDocument.Open(new MemoryStream(await a.GetByteArrayAsync("/Coordination/Reports?course=kurssi&handler=Xlsx")), false))
        {
            Assert.Equal("Rapport", report.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single().Name!.Value);
            Assert.Contains(report.WorkbookPart.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>(), f => f.FormatCode!.Value == "d.m.yyyy");
        }

        using var funder = SpreadsheetDocument.Open(new MemoryStream(await a.GetByteArrayAsync($"/Coordination/Funder?handler=Xlsx&{period}")), false);
        Assert.Equal("Sammandrag", funder.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single().Name!.Value);
        Assert.EndsWith(" 1.1.2026–31.3.2026", funder.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<Cell>().First().InnerText, StringComparison.Ordinal);

        var visitor = _learning.Site.CreateClient();
        visitor.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv-SE,sv;q=0.9");
        Assert.Equal("vägledningsnätverket.json", await FileNameAsync(visitor, "/verkosto/export/json"));
        Assert.Equal("ohjausverkosto.csv", await FileNameAsync(_learning.Site.CreateClient(), "/verkosto/export/csv"));
    }

    private static async Task<string?> FileNameAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        var disposition = response.Content.Headers.ContentDisposition!;
        return disposition.FileNameStar ?? disposition.FileName?.Trim('"');
    }

    private async Task<HttpClient> CoordinatorAsync(string email, string organisation) =>
        (await TestUsers.SignedInCoordinatorAsync(_learning.Site, organisation, email)).Client;
}
