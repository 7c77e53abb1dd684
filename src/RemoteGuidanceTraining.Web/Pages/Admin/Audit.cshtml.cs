using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Audit;
using RemoteGuidanceTraining.Web.Localization;
using RemoteGuidanceTraining.Web.Paging;
using RemoteGuidanceTraining.Web.Reports;

namespace RemoteGuidanceTraining.Web.Pages.Admin;

/// <summary>The audit log for admins (folder convention), filtered by action, person and days, and as CSV.</summary>
public class AuditModel(AuditQuery audit, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? ActionFilter { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public PagedList<AuditRow> Result { get; private set; } = PagedList<AuditRow>.Empty;

    public async Task OnGetAsync(int p = 1)
    {
        if (!ReportDates.IsPlausible(From) || !ReportDates.IsPlausible(To))
        {
            TempData["Status"] = t["Reports.BadDate"].Value;
        }
        else if (TypedDates.AnyUnreadable(ModelState, nameof(From), nameof(To)))
        {
            TempData["Status"] = t["Reports.UnreadableDate"].Value;
        }

        Result = await audit.PageAsync(Filter(), p, HttpContext.RequestAborted);
    }

    /// <summary>Another page of the same filtered log.</summary>
    public string PageUrl(int p) =>
        Url.Page("/Admin/Audit", new { kind = ActionFilter, person = Person, from = From?.ToString("yyyy-MM-dd"), to = To?.ToString("yyyy-MM-dd"), p })!;

    public async Task<IActionResult> OnGetCsvAsync()
    {
        var stream = new MemoryStream();
        await audit.WriteCsvAsync(stream, Filter(), key => t[key].Value, HttpContext.RequestAborted);
        stream.Position = 0;
        return File(stream, "text/csv; charset=utf-8", "audit.csv");
    }

    /// <summary>An unknown action, an overlong search or an implausible date is ignored rather than an error: it is only a filter.</summary>
    private AuditFilter Filter() => new(
        AuditActions.All.Contains(ActionFilter) ? ActionFilter : null,
        string.IsNullOrWhiteSpace(Person) || Person.Length > Data.FieldLengths.Name ? null : Person.Trim(),
        ReportDates.IsPlausible(From) ? From : null, ReportDates.IsPlausible(To) ? To : null);
}
