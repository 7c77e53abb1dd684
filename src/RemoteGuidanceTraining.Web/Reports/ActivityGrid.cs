using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Reports;

public enum RequirementKind
{
    Lesson,
    Quiz,
    Task,

    /// <summary>The peer feedback a task requires (peer-required): given on as many answers as the task asks.</summary>
    PeerFeedback,
}

/// <summary>
/// Done: read / passed / submitted / all required peer feedback given. Started: a quiz tried but not passed, a task
/// saved as a draft, some of the peer feedback given.
/// </summary>
public enum CellState
{
    NotDone,
    Started,
    Done,
}

public sealed record GridColumn(RequirementKind Kind, string Id, string Title)
{
    /// <summary>"Kind: title", as the CSV header and the report's funnel name a requirement (a lesson and its quiz often share a title).</summary>
    public string Label(Func<string, string> t) => $"{KindLabel(t)}: {Title}";

    /// <summary>The kind in the page's language ("Tietovisa"); the title is the course's.</summary>
    public string KindLabel(Func<string, string> t) => t("Grid.Kind." + Kind);
}

public sealed record GridRow(ParticipantRow Person, IReadOnlyList<CellState> Cells);

public sealed record ActivityGrid(CourseReport Report, IReadOnlyList<GridColumn> Columns, IReadOnlyList<GridRow> Rows);

/// <summary>
/// Participants × requirements, like Moodle's completion report: the same population, filters and order as the
/// report, then grouped queries (lessons, quiz attempts, task answers, peer feedback given when the course requires
/// it) for the rows shown or exported.
/// </summary>
public sealed class ActivityGridService(AppDbContext db, ReportService reports)
{
    public async Task<ActivityGrid> BuildAsync(Course course, CoordinatorScope scope, ReportQuery query, bool allRows, CancellationToken cancellationToken)
    {
        var report = await reports.BuildAsync(course, scope, query, allDetails: false, cancellationToken);
        var people = allRows ? report.Rows : [.. report.PageRows];
        var ids = people.Select(p => p.UserId).ToList();
        var read = (await db.LessonCompletions.AsNoTracking().Where(l => l.CourseId == course.Id && ids.Contains(l.UserId))
            .Select(l => new { l.UserId, l.LessonId }).ToListAsync(cancellationToken)).Select(l => (l.UserId, l.LessonId)).ToHashSet();
        var attempts = await db.QuizResults.AsNoTracking().Where(r => r.CourseId == course.Id && ids.Contains(r.UserId))
            .Select(r => new { r.UserId, r.QuizId, r.QuizHash, r.Passed })
            .ToListAsync(cancellationToken);
        // A task that asks for a trainer's review is done once accepted; submitted and waiting, it is started.
        var reviewTaskIds = course.Tasks.Where(t => t.ReviewRequired).Select(t => t.Id).ToHashSet();
        var answers = (await db.TaskAnswers.AsNoTracking().Where(a => a.CourseId == course.Id && ids.Contains(a.UserId))
            .Select(a => new { a.UserId, a.TaskId, a.SubmittedAtUtc, a.ReviewState }).ToListAsync(cancellationToken))
            .ToDictionary(a => (a.UserId, a.TaskId), a => a.SubmittedAtUtc != null
                && (a.ReviewState == Learning.TaskReviewState.Accepted || !reviewTaskIds.Contains(a.TaskId)));
        var hashes = course.Quizzes.ToDictionary(q => q.Id, q => q.ContentHash);
        var quizState = attempts.Where(a => hashes.GetValueOrDefault(a.QuizId) == a.QuizHash)
            .ToDictionary(a => (a.UserId, a.QuizId), a => a.Passed ? CellState.Done : CellState.Started);
        var peerGiven = await PeerFeedbackGivenAsync(db, course, given => given.Where(r => ids.Contains(r.ReviewerUserId)), cancellationToken);

        var columns = Columns(course);
        var rows = people.Select(p => new GridRow(p, columns.Select(c => c.Kind switch
        {
            RequirementKind.Lesson => read.Contains((p.UserId, c.Id)) ? CellState.Done : CellState.NotDone,
            RequirementKind.Quiz => quizState.GetValueOrDefault((p.UserId, c.Id), CellState.NotDone),
            RequirementKind.Task => answers.TryGetValue((p.UserId, c.Id), out var submitted) ? submitted ? CellState.Done : CellState.Started : CellState.NotDone,
            _ => peerGiven.GetValueOrDefault((p.UserId, c.Id)) switch
            {
                0 => CellState.NotDone,
                var given => IsPeerFeedbackDone(course, c.Id, given) ? CellState.Done : CellState.Started,
            },
        }).ToList())).ToList();
        return new ActivityGrid(report, columns, rows);
    }

    /// <summary>
    /// How many answers each person has given feedback on, per task whose completion requires peer feedback, in one
    /// grouped query; none is run when the course requires no peer feedback. <paramref name="population"/> narrows the
    /// feedback to the report's people.
    /// </summary>
    public static async Task<Dictionary<(string ReviewerUserId, string TaskId), int>> PeerFeedbackGivenAsync(
        AppDbContext db, Course course, Func<IQueryable<PeerReview>, IQueryable<PeerReview>> population, CancellationToken cancellationToken)
    {
        var taskIds = course.Tasks.Where(CourseProgress.RequiresPeerFeedback).Select(t => t.Id).ToList();
        if (taskIds.Count == 0)
        {
            return [];
        }

        return await population(db.PeerReviews.AsNoTracking().Where(r => r.CourseId == course.Id && r.GivenAtUtc != null && taskIds.Contains(r.TaskId)))
            .GroupBy(r => new { r.ReviewerUserId, r.TaskId }).Select(g => new { g.Key.ReviewerUserId, g.Key.TaskId, Count = g.Count() })
            .ToDictionaryAsync(x => (x.ReviewerUserId, x.TaskId), x => x.Count, cancellationToken);
    }

    /// <summary>Whether feedback on <paramref name="given"/> answers is all that the task with this id asks for, as completion counts it.</summary>
    public static bool IsPeerFeedbackDone(Course course, string taskId, int given) =>
        CourseProgress.HasGivenAllPeerFeedback(course.Tasks.First(t => t.Id == taskId), given);

    /// <summary>
    /// In course order: each lesson, then that lesson's quizzes and tasks, each task followed by its peer feedback when
    /// completion requires it, by their readable titles.
    /// </summary>
    public static IReadOnlyList<GridColumn> Columns(Course course) => course.Lessons.SelectMany(l =>
        new[] { new GridColumn(RequirementKind.Lesson, l.Id, l.Title) }
            .Concat(l.Quizzes.Select(q => new GridColumn(RequirementKind.Quiz, q.Id, q.Title)))
            .Concat(l.Tasks.SelectMany(t => CourseProgress.RequiresPeerFeedback(t)
                ? new[] { new GridColumn(RequirementKind.Task, t.Id, t.Title), new GridColumn(RequirementKind.PeerFeedback, t.Id, t.Title) }
                : [new GridColumn(RequirementKind.Task, t.Id, t.Title)]))).ToList();

    /// <summary>The grid as CSV (semicolons, BOM, formula-looking cells escaped), states written out in words.</summary>
    public static async Task WriteCsvAsync(Stream output, ActivityGrid grid, Func<string, string> t)
    {
        var options = new CsvWriterOptions { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        await using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        csv.WriteHeader([t("Verify.Name"), t("Field.Email"), t("Field.Organisation"), t("Reports.Progress"),
            .. grid.Columns.Select(c => c.Label(t))]);
        foreach (var row in grid.Rows)
        {
            await csv.WriteRecordAsync([row.Person.FullName, row.Person.Email, row.Person.Organisation ?? "",
                row.Person.Percent.ToString(CultureInfo.InvariantCulture), .. row.Cells.Select(c => t("Grid.State." + c))]);
        }

        await csv.FlushAsync();
    }
}
