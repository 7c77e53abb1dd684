using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Localization;
using RemoteGuidanceTraining.Web.Reports;

namespace RemoteGuidanceTraining.Web.Pages.Coordination;

/// <summary>A funder's summary for a period: shown as a table and downloadable as XLSX in one click.</summary>
public class FunderModel(CatalogHolder catalog, FunderSummaryService funder, TimeProvider clock, IStringLocalizer<SharedResource> t)
    : CoordinationPage
{
    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public IReadOnlyList<FunderLine> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        Period(from, to);
        Lines = await funder.BuildAsync(catalog.Current, await ScopeAsync(), From, To, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        Period(from, to);
        var lines = await funder.BuildAsync(catalog.Current, await ScopeAsync(), From, To, cancellationToken);
        var buffer = new MemoryStream();
        FunderSummaryService.WriteXlsx(buffer, lines, From, To, key => t[key]);
        buffer.Position = 0;
        return File(buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{t["Funder.FileName"]}-{From:yyyy-MM-dd}-{To:yyyy-MM-dd}.xlsx");
    }

    /// <summary>
    /// Defaults to this calendar year so far; an end date alone starts its own year. Implausible dates fall back with
    /// a message, and a start after the end is read the other way round, saying so.
    /// </summary>
    private void Period(DateOnly? from, DateOnly? to)
    {
        var today = HelsinkiTime.Today(clock);
        (From, To) = (from ?? new DateOnly((to ?? today).Year, 1, 1), to ?? today);
        if (!ReportDates.IsPlausible(From) || !ReportDates.IsPlausible(To))
        {
            ViewData["Status"] = t["Reports.BadDate"].Value;
            (From, To) = (new DateOnly(today.Year, 1, 1), today);
        }
        else if (TypedDates.AnyUnreadable(ModelState, nameof(from), nameof(to)))
        {
            ViewData["Status"] = t["Reports.UnreadableDate"].Value;
        }

        if (To < From)
        {
            ViewData["Status"] = t["Reports.DatesSwapped"].Value;
            (From, To) = (To, From);
        }
    }
}
