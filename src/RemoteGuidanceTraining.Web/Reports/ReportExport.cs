using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Reports;

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

    public static IEnumerable<string[]> Cells(CourseReport report, Func<string, string> t) => report.Rows.Select(r => (string[])
        [r.FullName, r.Email, r.Organisation ?? "", r.Region is null ? "" : t("Region." + r.Region), t("Reports.Status." + r.Status),
         r.Percent.ToString(CultureInfo.InvariantCulture), HelsinkiTime.Date(r.EnrolledAtUtc), r.LastActivityAtUtc is { } active ? HelsinkiTime.DateAndTime(active) : "",
         r.CompletedAtUtc is { } done ? HelsinkiTime.Date(done) : "", r.Cohorts,
         .. report.Quizzes.Select(q => q.Id).Select(q => r.BestScores.TryGetValue(q, out var s) ? s.ToString(CultureInfo.InvariantCulture) : ""),
         $"{r.TasksSubmitted}/{report.TaskCount}", r.CertificateCode ?? "", r.MailStatus is null ? "" : t("Mail.Status." + r.MailStatus)]);

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
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, Header(report, t));
            foreach (var cells in Cells(report, t))
            {
                WriteRow(writer, cells);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Raportti" }));
        workbook.Workbook.Save();
    }

    private static void WriteRow(OpenXmlWriter writer, IEnumerable<string> cells)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in cells)
        {
            // Inline strings are never evaluated: a name starting with "=" stays text.
            writer.WriteElement(new Cell(new InlineString(new Text(value))) { DataType = CellValues.InlineString });
        }

        writer.WriteEndElement();
    }
}
