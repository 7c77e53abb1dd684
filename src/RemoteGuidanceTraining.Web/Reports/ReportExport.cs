using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Reports;

/// <summary>
/// One cell of an export: its text (the CSV and what the page shows) and, for the XLSX, the number or the Finnish
/// local date it stands for, so Excel can sum and sort it.
/// </summary>
public readonly record struct ExportCell(string Text, double? Number = null, DateTime? Local = null, bool WithTime = false)
{
    public static implicit operator ExportCell(string text) => new(text);

    public static ExportCell Of(int number) => new(number.ToString(CultureInfo.InvariantCulture), number);

    public static ExportCell Day(DateTime utc) => new(HelsinkiTime.Date(utc), Local: HelsinkiTime.FromUtc(utc).Date);

    public static ExportCell Moment(DateTime utc) => new(HelsinkiTime.DateAndTime(utc), Local: HelsinkiTime.FromUtc(utc), WithTime: true);
}

/// <summary>
/// The participant table as CSV (UTF-8 with BOM and semicolons, so Excel in Finland opens it with ä and ö intact)
/// and as XLSX. Plain text only: no HTML, dates in Finnish time, cells that look like formulas are escaped.
/// </summary>
public static class ReportExport
{
    public static IReadOnlyList<string> Header(CourseReport report, Func<string, string> t) =>
        [t("Verify.Name"), t("Field.Email"), t("Field.Organisation"), t("Field.Region"), t("Certs.Status"), t("Reports.Progress"),
         t("Reports.EnrolledOn"), t("Reports.LastActivity"), t("Reports.CompletedOn"), t("Reports.Cohort"),
         .. report.Quizzes.Select(q => $"{t("Quiz.Title")}: {q.Title}"), t("Reports.Tasks"), t("Verify.Code"), t("Certs.Mail")];

    public static IEnumerable<ExportCell[]> Values(CourseReport report, Func<string, string> t) => report.Rows.Select(r => (ExportCell[])
        [r.FullName, r.Email, r.Organisation ?? "", r.Region is null ? "" : t("Region." + r.Region), t("Reports.Status." + r.Status),
         ExportCell.Of(r.Percent), ExportCell.Day(r.EnrolledAtUtc), r.LastActivityAtUtc is { } active ? ExportCell.Moment(active) : "",
         r.CompletedAtUtc is { } done ? ExportCell.Day(done) : "", r.Cohorts,
         .. report.Quizzes.Select(q => q.Id).Select(q => r.BestScores.TryGetValue(q, out var s) ? ExportCell.Of(s) : ""),
         $"{r.TasksDone}/{report.TaskCount}", r.CertificateCode ?? "", r.MailStatus is null ? "" : t("Mail.Status." + r.MailStatus)]);

    public static IEnumerable<string[]> Cells(CourseReport report, Func<string, string> t) =>
        Values(report, t).Select(cells => cells.Select(c => c.Text).ToArray());

    public static async Task WriteCsvAsync(Stream output, CourseReport report, Func<string, string> t)
    {
        var options = new CsvWriterOptions { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        await using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        csv.WriteHeader([.. Header(report, t)]);
        foreach (var cells in Cells(report, t))
        {
            await csv.WriteRecordAsync(cells);
        }

        await csv.FlushAsync();
    }

    /// <summary>Written with the OpenXML SAX writer, row by row, so a big report does not build a document tree in memory.</summary>
    public static void WriteXlsx(Stream output, CourseReport report, Func<string, string> t)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        XlsxStyles.Add(workbook, CultureInfo.CurrentCulture);
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, Header(report, t).Select(h => (ExportCell)h));
            foreach (var cells in Values(report, t))
            {
                WriteRow(writer, cells);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = XlsxStyles.SheetName(t("Reports.SheetName")) }));
        workbook.Workbook.Save();
    }

    private static void WriteRow(OpenXmlWriter writer, IEnumerable<ExportCell> cells)
    {
        writer.WriteStartElement(new Row());
        foreach (var cell in cells)
        {
            writer.WriteElement(cell switch
            {
                { Number: { } n } => new Cell(new CellValue(n)) { DataType = CellValues.Number },
                { Local: { } local } => new Cell(new CellValue(local.ToOADate())) { StyleIndex = cell.WithTime ? XlsxStyles.DateTime : XlsxStyles.Date },
                _ => XlsxText.Cell(cell.Text),
            });
        }

        writer.WriteEndElement();
    }
}
