using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Reports;

/// <summary>
/// Completion reports, read-only. The figures are computed in the database with one grouped query per kind of
/// record (lessons, quiz attempts, tasks, completions, certificates), never per participant, so a course with
/// ten thousand participants stays fast. Progress is measured against the course as it is now.
/// </summary>
public sealed class ReportService(AppDbContext db)
{
    public async Task<CourseReport> BuildAsync(Course course, CoordinatorScope scope, ReportQuery query)
    {
        var enrollments = Population(course, scope, query);
        var people = await (from e in enrollments
                            join u in db.Users on e.UserId equals u.Id
                            select new { u.Id, u.FullName, u.Email, u.Organisation, u.Region, e.EnrolledAtUtc, e.LastActivityAtUtc, e.LastLessonId })
                            .ToListAsync();
        var userIds = enrollments.Select(e => e.UserId);
        var lessonIds = course.Lessons.Select(l => l.Id).ToList();
        var lessonsDone = await db.LessonCompletions.Where(l => l.CourseId == course.Id && lessonIds.Contains(l.LessonId) && userIds.Contains(l.UserId))
            .GroupBy(l => l.UserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var quizzes = course.Quizzes.ToDictionary(q => q.Id, q => q.ContentHash);
        var attempts = (await db.QuizAttempts.Where(a => a.CourseId == course.Id && userIds.Contains(a.UserId))
            .GroupBy(a => new { a.UserId, a.QuizId, a.QuizHash })
            .Select(g => new { g.Key.UserId, g.Key.QuizId, g.Key.QuizHash, Best = g.Max(a => a.ScorePercent), Passed = g.Max(a => a.Passed ? 1 : 0) })
            .ToListAsync())
            .Where(a => quizzes.GetValueOrDefault(a.QuizId) == a.QuizHash)
            .ToLookup(a => a.UserId);
        var taskIds = course.Tasks.Select(t => t.Id).ToList();
        var tasks = await db.TaskAnswers.Where(t => t.CourseId == course.Id && t.SubmittedAtUtc != null && taskIds.Contains(t.TaskId) && userIds.Contains(t.UserId))
            .GroupBy(t => t.UserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var completions = await db.CourseCompletions.Where(c => c.CourseId == course.Id && userIds.Contains(c.UserId))
            .ToDictionaryAsync(c => c.UserId, c => c.CompletedAtUtc);
        var certificates = await db.Certificates.Where(c => c.CourseId == course.Id && c.Status == CertificateStatus.Valid && userIds.Contains(c.UserId))
            .ToDictionaryAsync(c => c.UserId, c => c.VerificationCode);
        var emails = people.Select(p => p.Email ?? "").ToList();
        var mails = (await db.OutboxMessages.Where(m => m.Category == CertificateMails.Category && emails.Contains(m.ToAddress))
            .Select(m => new { m.ToAddress, m.CreatedAtUtc, m.SentAtUtc, m.FailedAtUtc }).ToListAsync())
            .GroupBy(m => m.ToAddress, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.MaxBy(m => m.CreatedAtUtc)!, StringComparer.OrdinalIgnoreCase);

        var total = lessonIds.Count + quizzes.Count + taskIds.Count;
        var rows = people.Select(p =>
        {
            var scores = attempts[p.Id].ToDictionary(a => a.QuizId, a => a.Best);
            var done = lessonsDone.GetValueOrDefault(p.Id) + attempts[p.Id].Count(a => a.Passed == 1) + tasks.GetValueOrDefault(p.Id);
            var completed = completions.TryGetValue(p.Id, out var at) ? at : (DateTime?)null;
            var status = completed is not null ? ParticipantStatus.Completed
                : done > 0 || p.LastLessonId is not null ? ParticipantStatus.InProgress : ParticipantStatus.NotStarted;
            var mail = mails.GetValueOrDefault(p.Email ?? "");
            var mailStatus = mail is null ? null : mail.SentAtUtc is not null ? "Sent" : mail.FailedAtUtc is not null ? "Failed" : "Waiting";
            return new ParticipantRow(p.Id, p.FullName, p.Email ?? "", p.Organisation, p.Region, status,
                completed is not null ? 100 : total == 0 ? 0 : done * 100 / total, p.EnrolledAtUtc, p.LastActivityAtUtc, completed,
                scores, tasks.GetValueOrDefault(p.Id), certificates.GetValueOrDefault(p.Id), mailStatus);
        }).ToList();

        var days = rows.Where(r => r.CompletedAtUtc is not null).Select(r => (r.CompletedAtUtc!.Value - r.EnrolledAtUtc).TotalDays).Order().ToList();
        return new CourseReport(query, course.Title, [.. quizzes.Keys], taskIds.Count, rows.Count,
            rows.Count(r => r.Status != ParticipantStatus.NotStarted), rows.Count(r => r.Status == ParticipantStatus.Completed),
            Median(days), await ModulesAsync(course, userIds), Sort(rows, query));
    }

    private IQueryable<Learning.Enrollment> Population(Course course, CoordinatorScope scope, ReportQuery query)
    {
        var users = scope.Filter(db.Users);
        if (query.Organisation is { Length: > 0 } organisation)
        {
            users = users.Where(u => u.Organisation == organisation);
        }

        if (query.Region is { Length: > 0 } region)
        {
            users = users.Where(u => u.Region == region);
        }

        var enrollments = db.Enrollments.AsNoTracking().Where(e => e.CourseId == course.Id && users.Any(u => u.Id == e.UserId));
        if (query.CohortId is { } cohortId)
        {
            enrollments = enrollments.Where(e => db.CohortMembers.Any(m => m.CohortId == cohortId && m.UserId == e.UserId)
                && scope.Filter(db.Cohorts).Any(c => c.Id == cohortId));
        }

        if (query.From is { } from)
        {
            var fromUtc = HelsinkiTime.StartOfDayUtc(from);
            enrollments = enrollments.Where(e => e.EnrolledAtUtc >= fromUtc);
        }

        if (query.To is { } to)
        {
            var toUtc = HelsinkiTime.StartOfDayUtc(to.AddDays(1));
            enrollments = enrollments.Where(e => e.EnrolledAtUtc < toUtc);
        }

        return enrollments;
    }

    /// <summary>How many got through each module: every lesson of the module read.</summary>
    private async Task<IReadOnlyList<ModuleProgress>> ModulesAsync(Course course, IQueryable<string> userIds)
    {
        var result = new List<ModuleProgress>();
        foreach (var module in course.Modules)
        {
            var ids = module.Lessons.Select(l => l.Id).ToList();
            var reached = await db.LessonCompletions.Where(l => l.CourseId == course.Id && ids.Contains(l.LessonId) && userIds.Contains(l.UserId))
                .GroupBy(l => l.UserId).Where(g => g.Count() == ids.Count).CountAsync();
            result.Add(new ModuleProgress(module.Id, module.Title, reached));
        }

        return result;
    }

    private static List<ParticipantRow> Sort(List<ParticipantRow> rows, ReportQuery query)
    {
        IOrderedEnumerable<ParticipantRow> sorted = query.Sort switch
        {
            "organisation" => rows.OrderBy(r => r.Organisation, StringComparer.CurrentCulture),
            "status" => rows.OrderBy(r => r.Status),
            "progress" => rows.OrderBy(r => r.Percent),
            "activity" => rows.OrderBy(r => r.LastActivityAtUtc),
            "completed" => rows.OrderBy(r => r.CompletedAtUtc ?? DateTime.MaxValue),
            _ => rows.OrderBy(r => r.FullName, StringComparer.CurrentCulture),
        };
        var list = sorted.ThenBy(r => r.Email, StringComparer.Ordinal).ToList();
        if (query.Descending)
        {
            list.Reverse();
        }

        return list;
    }

    private static double? Median(List<double> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
