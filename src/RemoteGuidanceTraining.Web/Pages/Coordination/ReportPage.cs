using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Localization;
using RemoteGuidanceTraining.Web.Reports;

namespace RemoteGuidanceTraining.Web.Pages.Coordination;

/// <summary>
/// What the report and the activity grid share: reading and checking the filters from the query string, the
/// cohorts the viewer may pick, and links that keep the filters.
/// </summary>
public abstract class ReportPage(CatalogHolder catalog, ReportService reports, IStringLocalizer<SharedResource> t)
    : CoordinationPage
{
    public IReadOnlyList<Course> Courses { get; private set; } = [];

    protected ReportService Reports { get; } = reports;

    protected IStringLocalizer<SharedResource> T { get; } = t;

    public IReadOnlyList<Cohort> Cohorts { get; private set; } = [];

    /// <summary>The organisations in the viewer's scope, offered as the organisation filter's choices.</summary>
    public IReadOnlyList<string> Organisations { get; private set; } = [];

    public string? CourseId { get; private set; }

    /// <summary>The language of the course's own texts (titles of the course, modules and quizzes), marked on them with lang.</summary>
    public string? CourseLanguage { get; private set; }

    public ReportQuery? Query { get; private set; }

    /// <summary>
    /// The course asked for is not served (its files have an error, or its folder is gone): the page says so instead
    /// of showing the first course's report under the same filters, and exports answer 503 instead of another course's file.
    /// </summary>
    public UnavailableCourse? Unavailable { get; private set; }

    /// <summary>The page these links lead back to, e.g. "/Coordination/Reports".</summary>
    protected abstract string PagePath { get; }

    /// <summary>
    /// The id of the element the sort and page links lead to, when the table is not at the top of the page (the
    /// report's table comes after its charts: without it, every sort or next page opened at the top again).
    /// </summary>
    protected virtual string? TableAnchor => null;

    public string SortUrl(string column) => ToTable(BuildUrl(Query! with { Sort = column, Descending = Query!.Sort == column && !Query.Descending, Page = 1 }, null));

    public string PageUrl(int page) => ToTable(BuildUrl(Query! with { Page = page }, null));

    public string ExportUrl(string handler) => BuildUrl(Query!, handler);

    public string? AriaSort(string column) => Query?.Sort != column ? null : Query.Descending ? "descending" : "ascending";

    /// <summary>A person's progress, with the way back to this very view (cohort, filters, sort and page) and its table.</summary>
    public string ProgressUrl(string userId) =>
        Url.Page("/Coordination/Progress", new { course = CourseId, person = userId, returnUrl = ToTable(BuildUrl(Query!, null)) })!;

    /// <summary>The same filters on another report page (report ↔ grid).</summary>
    public string FiltersOn(string page) => Query is null ? Url.Page(page)! : BuildUrl(Query with { Page = 1 }, null, page);

    protected async Task<Course?> PrepareAsync(ReportFilters f)
    {
        Courses = catalog.Current.Courses;
        if (catalog.Current.Unserved(f.Course) is { } unserved)
        {
            Unavailable = unserved;
            return null;
        }

        var found = catalog.Current.Find(f.Course ?? "") ?? Courses.FirstOrDefault();
        if (found is null)
        {
            return null;
        }

        CourseId = found.Id;
        CourseLanguage = found.Language;
        var scope = await ScopeAsync();
        Cohorts = await Reports.VisibleCohortsAsync(scope, found.Id, HttpContext.RequestAborted);
        var (from, to, completedFrom, completedTo) = (f.From, f.To, f.CompletedFrom, f.CompletedTo);
        // A date outside any plausible report (9999-12-31, year 1) is dropped with a message instead of overflowing.
        if (!ReportDates.IsPlausible(from) || !ReportDates.IsPlausible(to) || !ReportDates.IsPlausible(completedFrom) || !ReportDates.IsPlausible(completedTo))
        {
            ViewData["Status"] = T["Reports.BadDate"].Value;
            (from, to) = (ReportDates.IsPlausible(from) ? from : null, ReportDates.IsPlausible(to) ? to : null);
            (completedFrom, completedTo) = (ReportDates.IsPlausible(completedFrom) ? completedFrom : null, ReportDates.IsPlausible(completedTo) ? completedTo : null);
        }

        if (TypedDates.AnyUnreadable(ModelState, nameof(f.From), nameof(f.To), nameof(f.CompletedFrom), nameof(f.CompletedTo)))
        {
            ViewData["Status"] = T["Reports.UnreadableDate"].Value;
        }

        // A start after the end matched no one; it is read the other way round, and the page says so.
        if (from > to || completedFrom > completedTo)
        {
            ViewData["Status"] = T["Reports.DatesSwapped"].Value;
            (from, to) = from > to ? (to, from) : (from, to);
            (completedFrom, completedTo) = completedFrom > completedTo ? (completedTo, completedFrom) : (completedFrom, completedTo);
        }

        Organisations = await Reports.VisibleOrganisationsAsync(scope, found.Id, HttpContext.RequestAborted);
        var organisation = Limit(f.Organisation?.Trim(), 200);
        var organisationNames = string.IsNullOrEmpty(organisation) ? null : ReportService.MatchOrganisations(Organisations, organisation);
        if (organisationNames is { Count: 0 })
        {
            ViewData["Status"] = T["Reports.NoSuchOrganisation", organisation!].Value;
        }

        Query = new ReportQuery(found.Id, Cohorts.Any(c => c.Id == f.Cohort) ? f.Cohort : null, organisation, Limit(f.Region, 40),
            from, to, Limit(f.Sort, 20) ?? "name", f.Desc, Math.Clamp(f.Page, 1, 100_000), completedFrom, completedTo, organisationNames);
        return found;
    }

    /// <summary>What an export of a course that is not served answers: this page, saying why, with 503 (it comes back with its files).</summary>
    protected IActionResult NotServed()
    {
        if (Unavailable is null)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return Page();
    }

    // "page" is Razor Pages' own route value (the page path), which Url.Page overwrites, so the page number is added
    // to the built link's query string afterwards; QueryHelpers encodes it and picks '?' or '&' itself.
    private string BuildUrl(ReportQuery q, string? handler, string? page = null) => WithPageNumber(Url.Page(page ?? PagePath, handler, new
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
    })!, q.Page);

    private string ToTable(string url) => TableAnchor is null ? url : $"{url}#{TableAnchor}";

    private static string WithPageNumber(string url, int pageNumber) =>
        pageNumber > 1 ? QueryHelpers.AddQueryString(url, "page", pageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)) : url;

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string? Limit(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}

/// <summary>The report filters as they come in the query string (bound with [FromQuery] names).</summary>
public sealed class ReportFilters
{
    public string? Course { get; set; }

    public int? Cohort { get; set; }

    public string? Organisation { get; set; }

    public string? Region { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public DateOnly? CompletedFrom { get; set; }

    public DateOnly? CompletedTo { get; set; }

    public string? Sort { get; set; }

    public bool Desc { get; set; }

    public int Page { get; set; } = 1;
}
