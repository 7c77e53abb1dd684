using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Reports;

namespace RemoteGuidanceTraining.Web.Pages.Coordination;

/// <summary>Completion report of one course, filtered by cohort, organisation, region, enrolment and completion dates; CSV and XLSX exports.</summary>
public class ReportsModel(CatalogHolder catalog, ReportService reports, ReportChartsService charts, IStringLocalizer<SharedResource> t)
    : ReportPage(catalog, reports, t)
{
    public CourseReport? Report { get; private set; }

    public ReportCharts? Charts { get; private set; }

    protected override string PagePath => "/Coordination/Reports";

    /// <summary>The participants' table's heading, below the figures and three charts (see <see cref="ReportPage.TableAnchor"/>).</summary>
    public const string ParticipantsAnchor = "participants";

    protected override string? TableAnchor => ParticipantsAnchor;

    public async Task<IActionResult> OnGetAsync([FromQuery] ReportFilters filters)
    {
        var found = await PrepareAsync(filters);
        if (found is not null)
        {
            Report = await Reports.BuildAsync(found, await ScopeAsync(), Query!, allDetails: false, HttpContext.RequestAborted);
            Charts = await charts.BuildAsync(found, await ScopeAsync(), Report, key => T[key], HttpContext.RequestAborted);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync([FromQuery] ReportFilters filters)
    {
        var found = await PrepareAsync(filters);
        if (found is null)
        {
            return NotServed();
        }

        var report = await Reports.BuildAsync(found, await ScopeAsync(), Query!, allDetails: true, HttpContext.RequestAborted);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = Downloads.Attachment($"{T["Reports.FileName"]}-{found.Id}.csv");
        await ReportExport.WriteCsvAsync(Response.Body, report, key => T[key]);
        return new EmptyResult();
    }

    public async Task<IActionResult> OnGetXlsxAsync([FromQuery] ReportFilters filters)
    {
        var found = await PrepareAsync(filters);
        if (found is null)
        {
            return NotServed();
        }

        var report = await Reports.BuildAsync(found, await ScopeAsync(), Query!, allDetails: true, HttpContext.RequestAborted);
        // OpenXML needs a seekable stream; the workbook is built in a buffer and then streamed out.
        var buffer = new MemoryStream();
        ReportExport.WriteXlsx(buffer, report, key => T[key]);
        buffer.Position = 0;
        return File(buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{T["Reports.FileName"]}-{found.Id}.xlsx");
    }
}
