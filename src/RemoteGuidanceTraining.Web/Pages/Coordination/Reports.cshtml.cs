using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Reports;

namespace RemoteGuidanceTraining.Web.Pages.Coordination;

/// <summary>Completion report of one course, filtered by cohort, organisation, region, enrolment and completion dates; CSV and XLSX exports.</summary>
public class ReportsModel(CatalogHolder catalog, UserManager<AppUser> users, ReportService reports, IStringLocalizer<SharedResource> t)
    : CoordinationPage(users)
{
    public IReadOnlyList<Course> Courses { get; private set; } = [];

    public IReadOnlyList<Cohort> Cohorts { get; private set; } = [];

    public string? CourseId { get; private set; }

    public ReportQuery? Query { get; private set; }

    public CourseReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? course, int? cohort, string? organisation, string? region, DateOnly? from, DateOnly? to, DateOnly? completedFrom, DateOnly? completedTo, string? sort, bool desc = false, int page = 1)
    {
        var found = await PrepareAsync(course, cohort, organisation, region, from, to, completedFrom, completedTo, sort, desc, page);
        if (found is not null)
        {
            Report = await reports.BuildAsync(found, await ScopeAsync(), Query!);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string? course, int? cohort, string? organisation, string? region, DateOnly? from, DateOnly? to, DateOnly? completedFrom, DateOnly? completedTo, string? sort, bool desc = false)
    {
        var found = await PrepareAsync(course, cohort, organisation, region, from, to, completedFrom, completedTo, sort, desc, 1);
        if (found is null)
        {
            return NotFound();
        }

        var report = await reports.BuildAsync(found, await ScopeAsync(), Query!, allDetails: true);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"raportti-{found.Id}.csv\"";
        await ReportExport.WriteCsvAsync(Response.Body, report, key => t[key]);
        return new EmptyResult();
    }

    public async Task<IActionResult> OnGetXlsxAsync(string? course, int? cohort, string? organisation, string? region, DateOnly? from, DateOnly? to, DateOnly? completedFrom, DateOnly? completedTo, string? sort, bool desc = false)
    {
        var found = await PrepareAsync(course, cohort, organisation, region, from, to, completedFrom, completedTo, sort, desc, 1);
        if (found is null)
        {
            return NotFound();
        }

        var report = await reports.BuildAsync(found, await ScopeAsync(), Query!, allDetails: true);
        // OpenXML needs a seekable stream; the workbook is built in a buffer and then streamed out.
        var buffer = new MemoryStream();
        ReportExport.WriteXlsx(buffer, report, key => t[key]);
        buffer.Position = 0;
        return File(buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"raportti-{found.Id}.xlsx");
    }

    public string SortUrl(string column) => BuildUrl(Query! with { Sort = column, Descending = Query!.Sort == column && !Query.Descending, Page = 1 }, null);

    public string PageUrl(int page) => BuildUrl(Query! with { Page = page }, null);

    public string ExportUrl(string handler) => BuildUrl(Query!, handler);

    public string? AriaSort(string column) => Query?.Sort != column ? null : Query.Descending ? "descending" : "ascending";

    public string ProgressUrl(string userId) => Url.Page("/Coordination/Progress", new { course = CourseId, person = userId })!;

    private string BuildUrl(ReportQuery q, string? handler) => Url.Page("/Coordination/Reports", handler, new
    {
        course = q.CourseId,
        cohort = q.CohortId,
        organisation = string.IsNullOrEmpty(q.Organisation) ? null : q.Organisation,
        region = string.IsNullOrEmpty(q.Region) ? null : q.Region,
        from = Iso(q.From),
        to = Iso(q.To),
        completedFrom = Iso(q.CompletedFrom),
        completedTo = Iso(q.CompletedTo),
        sort = q.Sort,
        desc = q.Descending ? "true" : null,
        page = q.Page > 1 ? q.Page : (int?)null,
    })!;

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static bool Plausible(DateOnly? date) => date is null || (date.Value.Year >= 2000 && date.Value.Year <= 2200);

    private static string? Limit(string? text, int length) => text is null || text.Length <= length ? text : text[..length];

    private async Task<Course?> PrepareAsync(string? course, int? cohort, string? organisation, string? region, DateOnly? from, DateOnly? to, DateOnly? completedFrom, DateOnly? completedTo, string? sort, bool desc, int page)
    {
        Courses = catalog.Current.Courses;
        var found = catalog.Current.Find(course ?? "") ?? Courses.FirstOrDefault();
        if (found is null)
        {
            return null;
        }

        CourseId = found.Id;
        var scope = await ScopeAsync();
        Cohorts = await reports.VisibleCohortsAsync(scope, found.Id, HttpContext.RequestAborted);
        // A date outside any plausible report (9999-12-31, year 1) is dropped with a message instead of overflowing.
        if (!Plausible(from) || !Plausible(to) || !Plausible(completedFrom) || !Plausible(completedTo))
        {
            TempData["Status"] = t["Reports.BadDate"].Value;
            (from, to) = (Plausible(from) ? from : null, Plausible(to) ? to : null);
            (completedFrom, completedTo) = (Plausible(completedFrom) ? completedFrom : null, Plausible(completedTo) ? completedTo : null);
        }

        Query = new ReportQuery(found.Id, Cohorts.Any(c => c.Id == cohort) ? cohort : null, Limit(organisation?.Trim(), 200), Limit(region, 40), from, to, Limit(sort, 20) ?? "name", desc, Math.Clamp(page, 1, 100_000), completedFrom, completedTo);
        return found;
    }
}
