using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Reports;

namespace RemoteGuidanceTraining.Web.Pages.Coordination;

/// <summary>The activity grid: participants × requirements with the report's filters, paging and a CSV export.</summary>
public class GridModel(CatalogHolder catalog, ReportService reports, ActivityGridService grids, IStringLocalizer<SharedResource> t)
    : ReportPage(catalog, reports, t)
{
    public ActivityGrid? Grid { get; private set; }

    protected override string PagePath => "/Coordination/Grid";

    public async Task<IActionResult> OnGetAsync([FromQuery] ReportFilters filters, CancellationToken cancellationToken)
    {
        var found = await PrepareAsync(filters);
        if (found is not null)
        {
            Grid = await grids.BuildAsync(found, await ScopeAsync(), Query!, allRows: false, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync([FromQuery] ReportFilters filters, CancellationToken cancellationToken)
    {
        var found = await PrepareAsync(filters);
        if (found is null)
        {
            return NotServed();
        }

        var grid = await grids.BuildAsync(found, await ScopeAsync(), Query!, allRows: true, cancellationToken);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = Downloads.Attachment($"{T["Grid.FileName"]}-{found.Id}.csv");
        await ActivityGridService.WriteCsvAsync(Response.Body, grid, key => T[key]);
        return new EmptyResult();
    }
}
