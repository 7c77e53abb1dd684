using System.Globalization;
using CsvHelper;
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

    public static IEnumerable<ExportCell[]> Values(CourseReport report, Func<string, string> t) => report.Rows.Select(r => (ExportCell[])
        [r.FullName, r.Email, r.Organisation ?? "", r.Region is null ? "" : t("Region." + r.Region), t("Reports.Status." + r.Status),
         ExportCell.Of(r.Percent), ExportCell.Day(r.EnrolledAtUtc), r.LastActivityAtUtc is { } active ? ExportCell.Moment(active) : "",
         r.CompletedAtUtc is { } done ? ExportCell.Day(done) : "", r.Cohorts,
         .. report.Quizzes.Select(q => q.Id).Select(q => r.BestScores.TryGetValue(q, out var s) ? ExportCell.Of(s) : ""),
         $"{r.TasksDone}/{report.TaskCount}", CertificateCode(r, t), r.MailStatus is null ? "" : t("Mail.Status." + r.MailStatus)]);

    /// <summary>
    /// The certificate's verification code; a revoked one says so with its date ("… (peruttu 27.11.2026)"), so it is
    /// not taken for a valid certificate, nor the row for a completion without one. The same text on the page.
    /// </summary>
    public static string CertificateCode(ParticipantRow row, Func<string, string> t) => row switch
    {
        { CertificateCode: null } => "",
        { CertificateRevokedAtUtc: { } revoked } => string.Format(CultureInfo.CurrentCulture, t("Reports.CodeRevoked"), row.CertificateCode, HelsinkiTime.Date(revoked)),
        _ => row.CertificateCode,
    };

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

    public static void WriteXlsx(Stream output, CourseReport report, Func<string, string> t) =>
        XlsxSheet.Write(output, t("Reports.SheetName"), [Header(report, t).Select(h => (ExportCell)h), .. Values(report, t)]);
}
