using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Reports;

/// <summary>
/// One bar of a chart: a label and a count (a requirement and how many met it, or a month and its completions).
/// <paramref name="Kind"/> is the page's word for what a funnel step is ("Tietovisa"), kept apart from the label
/// because the label is then course content, in the course's language.
/// </summary>
public sealed record ChartBar(string Label, int Count, string? Kind = null);

public sealed record ReportCharts(IReadOnlyList<ChartBar> Funnel, IReadOnlyList<ChartBar> CompletionsByMonth, int Enrolled);

/// <summary>
/// The funnel over every requirement (each lesson read, quiz passed, task submitted, peer feedback given where
/// completion requires it, in course order) so the step where people stall shows, and completions per month for the
/// last twelve months, for the report's population.
/// One grouped query per kind of record; the completion dates come from the report's rows.
/// </summary>
public sealed class ReportChartsService(AppDbContext db, ReportService reports, TimeProvider clock)
{
    /// <summary>
    /// The charts of the population <paramref name="report"/> covers; its rows hold the completion dates. The funnel's
    /// steps' kinds are named with <paramref name="t"/> ("Tietovisa"), their titles are the course's.
    /// </summary>
    public async Task<ReportCharts> BuildAsync(Course course, CoordinatorScope scope, CourseReport report, Func<string, string> t, CancellationToken cancellationToken)
    {
        var query = report.Query;
        var userIds = reports.Population(course, scope, query).Select(e => e.UserId);
        var everyone = ReportService.IsEveryone(scope, query);
        var lessons = await db.LessonCompletions.Where(l => l.CourseId == course.Id && (everyone || userIds.Contains(l.UserId)))
            .GroupBy(l => l.LessonId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var quizzes = await db.QuizResults.Where(r => r.CourseId == course.Id && r.Passed && (everyone || userIds.Contains(r.UserId)))
            .GroupBy(r => new { r.QuizId, r.QuizHash }).Select(g => new { g.Key.QuizId, g.Key.QuizHash, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var reviewTaskIds = course.Tasks.Where(t => t.ReviewRequired).Select(t => t.Id).ToList();
        var tasks = await db.TaskAnswers.Where(t => t.CourseId == course.Id && t.SubmittedAtUtc != null && (everyone || userIds.Contains(t.UserId))
                && (t.ReviewState == Learning.TaskReviewState.Accepted || !reviewTaskIds.Contains(t.TaskId)))
            .GroupBy(t => t.TaskId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var peerGiven = await ActivityGridService.PeerFeedbackGivenAsync(
            db, course, given => everyone ? given : given.Where(r => userIds.Contains(r.ReviewerUserId)), cancellationToken);
        var funnel = ActivityGridService.Columns(course).Select(c => new ChartBar(c.Title, Kind: c.KindLabel(t), Count: c.Kind switch
        {
            RequirementKind.Lesson => lessons.GetValueOrDefault(c.Id),
            RequirementKind.Quiz => quizzes.Where(q => q.QuizId == c.Id && q.QuizHash == course.Quizzes.First(x => x.Id == c.Id).ContentHash).Sum(q => q.Count),
            RequirementKind.Task => tasks.GetValueOrDefault(c.Id),
            _ => peerGiven.Count(p => p.Key.TaskId == c.Id && ActivityGridService.IsPeerFeedbackDone(course, c.Id, p.Value)),
        })).ToList();

        var months = CompletionsByMonth(report.Rows.Select(r => r.CompletedAtUtc).OfType<DateTime>(), HelsinkiTime.Today(clock));
        return new ReportCharts(funnel, months, report.Enrolled);
    }

    /// <summary>
    /// Twelve Finnish calendar months ending with <paramref name="today"/>'s, each counting the completions whose
    /// Helsinki day falls in it (one at 23.30 on 31.3. is March's, even though it is 20.30 UTC); counted in memory.
    /// </summary>
    public static IReadOnlyList<ChartBar> CompletionsByMonth(IEnumerable<DateTime> completedAtUtc, DateOnly today)
    {
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var fromUtc = HelsinkiTime.StartOfDayUtc(first);
        var byMonth = completedAtUtc.Where(d => d >= fromUtc).Select(HelsinkiTime.DayOf).GroupBy(d => (d.Year, d.Month)).ToDictionary(g => g.Key, g => g.Count());
        return [.. Enumerable.Range(0, 12).Select(i => first.AddMonths(i))
            .Select(m => new ChartBar(m.ToString("MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture), byMonth.GetValueOrDefault((m.Year, m.Month))))];
    }
}
