using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Learning;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Reports;

/// <summary>
/// Completion reports, read-only. The figures are computed in the database with one grouped query per kind of
/// record (lessons, quiz attempts, tasks, completions, certificates, module reach), never per participant or module, so a course with
/// ten thousand participants stays fast. Progress is measured against the course as it is now.
/// </summary>
public sealed partial class ReportService(AppDbContext db, ILogger<ReportService> logger)
{
    /// <param name="course">The course as it is now.</param>
    /// <param name="scope">Whose people the viewer may see.</param>
    /// <param name="query">Filters, sorting and page.</param>
    /// <param name="allDetails">Quiz scores, certificate and mail status for every row (exports), not only the shown page.</param>
    /// <param name="cancellationToken">The request's: a report nobody waits for any more stops querying.</param>
    public async Task<CourseReport> BuildAsync(Course course, CoordinatorScope scope, ReportQuery query, bool allDetails, CancellationToken cancellationToken)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var enrollments = Population(course, scope, query);
        var people = await (from e in enrollments
                            join u in db.Users on e.UserId equals u.Id
                            select new { u.Id, u.FullName, u.Email, u.Organisation, u.Region, e.EnrolledAtUtc, e.LastActivityAtUtc })
                            .ToListAsync(cancellationToken);
        var userIds = enrollments.Select(e => e.UserId);
        // Unfiltered, every record of the course belongs to the population: skip the membership test that costs most.
        var everyone = IsEveryone(scope, query);
        var lessonRecords = everyone ? db.LessonCompletions.Where(l => l.CourseId == course.Id)
            : db.LessonCompletions.Where(l => l.CourseId == course.Id && userIds.Contains(l.UserId));
        var lessonIds = course.Lessons.Select(l => l.Id).ToList();
        // Each grouped count also says whether the person has any record of its kind: that, not a page view, is a start (CourseStart).
        var lessons = await lessonRecords.GroupBy(l => l.UserId)
            .Select(g => new { g.Key, Done = g.Count(l => lessonIds.Contains(l.LessonId)), Any = g.Count() })
            .ToDictionaryAsync(x => x.Key, cancellationToken);
        // Attempts count only against the quizzes' current questions (id and content hash together).
        var currentQuizzes = course.Quizzes.Select(q => q.Id + "|" + q.ContentHash).ToList();
        // One result row per person and quiz version (not every attempt): a passed current quiz counts once.
        var quizzes = await db.QuizResults
            .Where(r => r.CourseId == course.Id && (everyone || userIds.Contains(r.UserId)))
            .GroupBy(r => r.UserId).Select(g => new { g.Key, Passed = g.Count(r => r.Passed && currentQuizzes.Contains(r.QuizId + "|" + r.QuizHash)), Any = g.Count() })
            .ToDictionaryAsync(x => x.Key, cancellationToken);
        var taskIds = course.Tasks.Select(t => t.Id).ToList();
        // A task that asks for a trainer's review counts once accepted, as it does for completion.
        var reviewTaskIds = course.Tasks.Where(t => t.ReviewRequired).Select(t => t.Id).ToList();
        var answers = await db.TaskAnswers.Where(t => t.CourseId == course.Id && (everyone || userIds.Contains(t.UserId)))
            .GroupBy(t => t.UserId).Select(g => new
            {
                g.Key,
                Done = g.Count(t => t.SubmittedAtUtc != null && taskIds.Contains(t.TaskId)
                    && (t.ReviewState == Learning.TaskReviewState.Accepted || !reviewTaskIds.Contains(t.TaskId))),
                Any = g.Count(),
            }).ToDictionaryAsync(x => x.Key, cancellationToken);
        var peerDone = await PeerRequirementsMetAsync(course, everyone, userIds, cancellationToken);
        var completions = await db.CourseCompletions.Where(c => c.CourseId == course.Id && (everyone || userIds.Contains(c.UserId)))
            .Select(c => new { c.UserId, c.CompletedAtUtc })
            .ToDictionaryAsync(c => c.UserId, c => c.CompletedAtUtc, cancellationToken);
        // The cohorts of this course the viewer may see, named in each row (someone can belong to several).
        var cohortNames = (await (from m in db.CohortMembers
                                  join c in scope.Filter(db.Cohorts) on m.CohortId equals c.Id
                                  where c.CourseId == course.Id && m.Status == CohortMemberStatus.Member && userIds.Contains(m.UserId)
                                  select new { m.UserId, c.Name }).ToListAsync(cancellationToken))
            .GroupBy(x => x.UserId).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(x => x.Name).Order(StringComparer.CurrentCulture)));

        var total = lessonIds.Count + currentQuizzes.Count + taskIds.Count + course.Tasks.Count(Learning.CourseProgress.RequiresPeerFeedback);
        var rows = people.Select(p =>
        {
            var (lesson, quiz, answer) = (lessons.GetValueOrDefault(p.Id), quizzes.GetValueOrDefault(p.Id), answers.GetValueOrDefault(p.Id));
            var tasksDone = answer?.Done ?? 0;
            var done = (lesson?.Done ?? 0) + (quiz?.Passed ?? 0) + tasksDone + peerDone.GetValueOrDefault(p.Id);
            var completed = completions.TryGetValue(p.Id, out var at) ? at : (DateTime?)null;
            var status = completed is not null ? ParticipantStatus.Completed
                : Learning.CourseStart.FromRecords(lesson?.Any ?? 0, quiz?.Any ?? 0, answer?.Any ?? 0) ? ParticipantStatus.InProgress : ParticipantStatus.NotStarted;
            // Someone who has not started has no activity to show: the enrolment's timestamp is only the import time
            // (or the first lesson page the invitation led to).
            return new ParticipantRow(p.Id, p.FullName, p.Email ?? "", p.Organisation, p.Region, status,
                completed is not null ? 100 : Percentages.Of(done, total), p.EnrolledAtUtc,
                status == ParticipantStatus.NotStarted ? null : p.LastActivityAtUtc, completed,
                new Dictionary<string, int>(), tasksDone, null, null, cohortNames.GetValueOrDefault(p.Id, ""));
        }).ToList();

        var sorted = ReportSorting.Sort(rows, query);
        var report = new CourseReport(query, course.Title, [.. course.Quizzes.Select(q => new QuizColumn(q.Id, q.Title))], taskIds.Count, rows.Count,
            rows.Count(r => r.Status != ParticipantStatus.NotStarted), rows.Count(r => r.Status == ParticipantStatus.Completed),
            Median(rows.Where(r => r.CompletedAtUtc is not null).Select(r => (r.CompletedAtUtc!.Value - r.EnrolledAtUtc).TotalDays).Order().ToList()),
            await ModuleReach.CountAsync(course, lessonRecords, cancellationToken), sorted);
        var detailed = allDetails ? await WithDetailsAsync(course, sorted, byId: false, cancellationToken)
            : await WithDetailsAsync(course, [.. report.PageRows], byId: true, cancellationToken);
        report = report with { Rows = sorted.Select(r => detailed.GetValueOrDefault(r.UserId, r)).ToList() };
        LogBuilt(logger, course.Id, rows.Count, watch.ElapsedMilliseconds);
        return report;
    }

    /// <summary>
    /// Per person, how many `peer-required` tasks they have given the asked number of peer feedbacks on: a
    /// requirement of its own, as for completion. No query when the course has no such task.
    /// </summary>
    private async Task<Dictionary<string, int>> PeerRequirementsMetAsync(Course course, bool everyone, IQueryable<string> userIds, CancellationToken cancellationToken)
    {
        var asked = course.Tasks.Where(Learning.CourseProgress.RequiresPeerFeedback).ToDictionary(t => t.Id, t => t.Peer);
        if (asked.Count == 0)
        {
            return [];
        }

        var taskIds = asked.Keys.ToList();
        var given = await db.PeerReviews
            .Where(p => p.CourseId == course.Id && p.GivenAtUtc != null && taskIds.Contains(p.TaskId) && (everyone || userIds.Contains(p.ReviewerUserId)))
            .GroupBy(p => new { p.ReviewerUserId, p.TaskId })
            .Select(g => new { g.Key.ReviewerUserId, g.Key.TaskId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return given.Where(g => g.Count >= asked[g.TaskId]).GroupBy(g => g.ReviewerUserId).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>The cohorts of a course the viewer may filter by.</summary>
    public Task<List<Cohort>> VisibleCohortsAsync(CoordinatorScope scope, string courseId, CancellationToken cancellationToken) =>
        scope.Filter(db.Cohorts.AsNoTracking()).Where(c => c.CourseId == courseId).OrderBy(c => c.Name).ToListAsync(cancellationToken);

    /// <summary>The organisations of the people the viewer may see, as they are spelled: the filter's choices.</summary>
    public async Task<List<string>> VisibleOrganisationsAsync(CoordinatorScope scope, string courseId, CancellationToken cancellationToken) =>
        [.. (await scope.Filter(db.Users.AsNoTracking(), courseId).Where(u => u.Organisation != null && u.Organisation != "")
            .Select(u => u.Organisation!).Distinct().ToListAsync(cancellationToken)).Order(StringComparer.CurrentCulture)];

    /// <summary>
    /// The organisations a typed name stands for: those equal to it ignoring case, or else those containing it.
    /// Compared here rather than in SQL because SQLite's lower() only folds A–Z, not Ä, Ö or Å.
    /// </summary>
    public static IReadOnlyList<string> MatchOrganisations(IEnumerable<string> known, string typed)
    {
        var all = known.ToList();
        var equal = all.Where(o => string.Equals(o.Trim(), typed, StringComparison.InvariantCultureIgnoreCase)).ToList();
        return equal.Count > 0 ? equal : [.. all.Where(o => o.Contains(typed, StringComparison.InvariantCultureIgnoreCase))];
    }

    /// <summary>Best scores, certificate code and certificate mail status: only for the rows that are shown or exported.</summary>
    /// <remarks>
    /// With <c>byId</c>, a page's fifty people are looked up by id. An export's thousands are not: binding ten
    /// thousand ids costs more than reading the course's rows and keeping the wanted ones in memory.
    /// </remarks>
    private async Task<Dictionary<string, ParticipantRow>> WithDetailsAsync(Course course, IReadOnlyList<ParticipantRow> rows, bool byId, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.UserId).ToHashSet();
        var hashes = course.Quizzes.ToDictionary(q => q.Id, q => q.ContentHash);
        var scores = (await db.QuizResults.Where(r => r.CourseId == course.Id && (!byId || ids.Contains(r.UserId)))
            .Select(r => new { r.UserId, r.QuizId, r.QuizHash, Best = r.BestScorePercent })
            .ToListAsync(cancellationToken)).Where(a => ids.Contains(a.UserId) && hashes.GetValueOrDefault(a.QuizId) == a.QuizHash).ToLookup(a => a.UserId);
        // The certificate that stands for the completion, and its own mail, found by its link (not by address: a
        // person may have had other certificates); the latest mail if it was sent again. That is the valid one, or,
        // when the last one was revoked and none issued since, the revoked one, so the row says so instead of
        // looking like a completion whose certificate is missing. A replaced certificate always has a successor.
        var certificates = (await (from c in db.Certificates
                                   where c.CourseId == course.Id && c.Status != CertificateStatus.Replaced && (!byId || ids.Contains(c.UserId))
                                   from m in db.OutboxMessages.Where(m => m.SubjectType == CertificateMails.SubjectType && m.SubjectId == c.VerificationCode).DefaultIfEmpty()
                                   select new { c.Id, c.UserId, c.VerificationCode, c.Status, c.RevokedAtUtc, Created = (DateTime?)m.CreatedAtUtc, Sent = m.SentAtUtc, Failed = m.FailedAtUtc })
                                  .ToListAsync(cancellationToken))
            .Where(c => ids.Contains(c.UserId))
            .GroupBy(c => c.UserId)
            .ToDictionary(g => g.Key, g =>
            {
                var standing = g.OrderByDescending(c => c.Status == CertificateStatus.Valid).ThenByDescending(c => c.Id).First().Id;
                return g.Where(c => c.Id == standing).MaxBy(c => c.Created)!;
            });
        return rows.ToDictionary(r => r.UserId, r =>
        {
            var certificate = certificates.GetValueOrDefault(r.UserId);
            return r with
            {
                BestScores = scores[r.UserId].ToDictionary(a => a.QuizId, a => a.Best),
                CertificateCode = certificate?.VerificationCode,
                CertificateRevokedAtUtc = certificate?.Status == CertificateStatus.Revoked ? certificate.RevokedAtUtc : null,
                MailStatus = certificate?.Created is null ? null : certificate.Sent is not null ? "Sent" : certificate.Failed is not null ? "Failed" : "Waiting",
            };
        });
    }

    /// <summary>
    /// True when the report covers every record of the course (an admin's view without filters): then the queries
    /// skip the membership test against the population, which costs most of a large course's report.
    /// </summary>
    internal static bool IsEveryone(CoordinatorScope scope, ReportQuery query) =>
        scope.All && query is { CohortId: null, Organisation: null or "", Region: null or "", From: null, To: null, CompletedFrom: null, CompletedTo: null };

    internal IQueryable<Learning.Enrollment> Population(Course course, CoordinatorScope scope, ReportQuery query)
    {
        var enrollments = db.Enrollments.AsNoTracking().Where(e => e.CourseId == course.Id);
        // An admin without a person filter sees every enrolment: no test against the people table at all.
        if (!scope.All || query.Organisation is { Length: > 0 } || query.Region is { Length: > 0 })
        {
            var users = scope.Filter(db.Users, course.Id);
            if (query.Organisation is { Length: > 0 } organisation)
            {
                List<string?> names = [.. query.OrganisationNames ?? [organisation]];
                users = users.Where(u => names.Contains(u.Organisation));
            }

            if (query.Region is { Length: > 0 } region)
            {
                users = users.Where(u => u.Region == region);
            }

            enrollments = enrollments.Where(e => users.Any(u => u.Id == e.UserId));
        }

        if (query.CohortId is { } cohortId)
        {
            enrollments = enrollments.Where(e => db.CohortMembers.Any(m => m.CohortId == cohortId && m.UserId == e.UserId && m.Status == CohortMemberStatus.Member)
                && scope.Filter(db.Cohorts).Any(c => c.Id == cohortId));
        }

        enrollments = enrollments.OnDays(e => e.EnrolledAtUtc, query.From, query.To);

        // Completion dates filter through the completion record; each bound is its own condition (no sentinel dates).
        var completions = db.CourseCompletions.Where(c => c.CourseId == course.Id).OnDays(c => c.CompletedAtUtc, query.CompletedFrom, query.CompletedTo);

        if (query.CompletedFrom is not null || query.CompletedTo is not null)
        {
            enrollments = enrollments.Where(e => completions.Any(c => c.UserId == e.UserId));
        }

        return enrollments;
    }

    private static double? Median(List<double> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Report of {Course} for {Count} people in {Ms} ms")]
    private static partial void LogBuilt(ILogger logger, string course, int count, long ms);
}
