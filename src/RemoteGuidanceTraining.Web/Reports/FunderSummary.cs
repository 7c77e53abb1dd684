using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Reports;

/// <summary>
/// One line of the funder summary: a course in an organisation and region, with what happened in the period, the
/// title's language marked with lang. <paramref name="Hours"/> is null when the course is not served (files with an error, folder gone): its hours are
/// not known then, and counting them as 0 would understate the total without saying so.
/// </summary>
public sealed record FunderLine(string Organisation, string Region, string Course, int Enrolled, int Completed, int? Hours, string? Language = null);

/// <summary>
/// What a funder asks for: per organisation and region, how many enrolled and completed each course in a period
/// (Finnish calendar dates), and the training hours the completions stand for. Only people in the viewer's scope.
/// </summary>
public sealed class FunderSummaryService(AppDbContext db)
{
    public async Task<IReadOnlyList<FunderLine>> BuildAsync(CourseCatalog catalog, CoordinatorScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        // Joined cohort members count in their cohort's course only, so scope filters the records, not the people.
        var users = db.Users;
        var enrolments = scope.Filter(db.Enrollments, users).OnDays(e => e.EnrolledAtUtc, from, to);
        var completions = scope.Filter(db.CourseCompletions, users).OnDays(c => c.CompletedAtUtc, from, to);
        var enrolled = await (from e in enrolments
                              join u in users on e.UserId equals u.Id
                              group e by new { u.Organisation, u.Region, e.CourseId } into g
                              select new { g.Key.Organisation, g.Key.Region, g.Key.CourseId, Count = g.Count() }).ToListAsync(cancellationToken);
        var completed = await (from c in completions
                               join u in users on c.UserId equals u.Id
                               group c by new { u.Organisation, u.Region, c.CourseId } into g
                               select new { g.Key.Organisation, g.Key.Region, g.Key.CourseId, Count = g.Count() }).ToListAsync(cancellationToken);
        var keys = enrolled.Select(e => (e.Organisation, e.Region, e.CourseId)).Union(completed.Select(c => (c.Organisation, c.Region, c.CourseId))).ToList();
        var removed = await RemovedCourseNamesAsync(catalog, keys.Select(k => k.CourseId), cancellationToken);
        return keys
            .Select(k =>
            {
                var done = completed.FirstOrDefault(c => (c.Organisation, c.Region, c.CourseId) == k)?.Count ?? 0;
                var course = catalog.Find(k.CourseId);
                var unserved = course is null ? catalog.FindUnavailable(k.CourseId) : null;
                var certified = removed.GetValueOrDefault(k.CourseId);
                return new FunderLine(k.Organisation ?? "", k.Region ?? "", course?.Title ?? unserved?.Title ?? certified?.Title ?? k.CourseId,
                    enrolled.FirstOrDefault(e => (e.Organisation, e.Region, e.CourseId) == k)?.Count ?? 0, done, done * course?.Hours,
                    course?.Language ?? unserved?.Language ?? certified?.Language);
            })
            .OrderBy(l => l.Organisation, StringComparer.CurrentCulture).ThenBy(l => l.Region, StringComparer.Ordinal).ThenBy(l => l.Course, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>
    /// A course whose folder is gone is named as its certificates name it (title and language as issued); the site
    /// remembers nothing else of it. Read only when such a course is in the summary.
    /// </summary>
    private async Task<Dictionary<string, CertifiedName>> RemovedCourseNamesAsync(CourseCatalog catalog, IEnumerable<string> courseIds, CancellationToken cancellationToken)
    {
        var gone = courseIds.Where(id => catalog.Find(id) is null && catalog.FindUnavailable(id) is null).Distinct().ToList();
        if (gone.Count == 0)
        {
            return [];
        }

        var names = await db.Certificates.AsNoTracking().Where(c => gone.Contains(c.CourseId))
            .GroupBy(c => c.CourseId).Select(g => new { Id = g.Key, Title = g.Max(c => c.CourseTitle)!, Language = g.Max(c => c.Language)! })
            .ToListAsync(cancellationToken);
        return names.ToDictionary(n => n.Id, n => new CertifiedName(n.Title, n.Language));
    }

    private sealed record CertifiedName(string Title, string Language);

    /// <summary>One sheet: a title row with the period, a header, a line per organisation × region × course, and totals.</summary>
    public static void WriteXlsx(Stream output, IReadOnlyList<FunderLine> lines, DateOnly from, DateOnly to, Func<string, string> t)
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        XlsxSheet.Write(output, t("Funder.SheetName"),
        [
            [$"{t("Funder.Title")} {from.ToString("d", culture)}–{to.ToString("d", culture)}"],
            [t("Field.Organisation"), t("Field.Region"), t("Verify.Course"), t("Funder.Enrolled"), t("Funder.Completed"), t("Funder.Hours")],
            .. lines.Select(l => (ExportCell[])[l.Organisation, l.Region.Length == 0 ? "" : t("Region." + l.Region), l.Course,
                ExportCell.Of(l.Enrolled), ExportCell.Of(l.Completed), l.Hours is { } hours ? ExportCell.Of(hours) : "–"]),
            [t("Funder.Total"), "", "", ExportCell.Of(lines.Sum(l => l.Enrolled)), ExportCell.Of(lines.Sum(l => l.Completed)), ExportCell.Of(lines.Sum(l => l.Hours ?? 0))],
            .. lines.Any(l => l.Hours is null) ? [(ExportCell[])[t("Funder.HoursUnknown")]] : Array.Empty<ExportCell[]>(),
        ]);
    }
}
