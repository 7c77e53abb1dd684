using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>
/// Reads progress in as few SQL commands as the page needs, and only the columns it shows. The catalogue, a course
/// page and My studies need where someone stands (lesson ids done, quizzes passed, tasks submitted, enrolment and
/// completion), never answer texts or quiz-answer JSON: that is one UNION ALL command for one course or for all, and
/// a second for the peer feedback given when a course in question requires it.
/// A lesson page needs that one lesson's last attempts and answers in full: one query joins them to the enrolment.
/// Quizzes are read from <see cref="QuizResult"/> rows, so the cost does not grow with the number of attempts.
/// </summary>
public sealed class ProgressReader(AppDbContext db, CatalogHolder catalog)
{
    /// <summary>Summary progress in every course the person has any record in, keyed by course id.</summary>
    public async Task<IReadOnlyDictionary<string, ProgressSummary>> SummariesAsync(string userId, CancellationToken cancellationToken = default) =>
        Summarise(await ItemsAsync(userId, courseId: null, catalog.Current.Courses.Any(AsksForPeerFeedback), cancellationToken));

    /// <summary>Summary progress in one course (see <see cref="ProgressSummary.For"/>).</summary>
    public async Task<CourseProgress> SummaryAsync(string userId, Course course, CancellationToken cancellationToken = default) =>
        ProgressSummary.For(Summarise(await ItemsAsync(userId, course.Id, AsksForPeerFeedback(course), cancellationToken)).GetValueOrDefault(course.Id), userId, course);

    // A loaded course does not change (a catalog reload makes new objects), so its tasks are looked through once, not
    // on every view of the catalogue, a course page or My studies.
    private static readonly ConditionalWeakTable<Course, object> _asksForPeerFeedback = [];

    private static bool AsksForPeerFeedback(Course course) =>
        (bool)_asksForPeerFeedback.GetValue(course, c => c.Tasks.Any(CourseProgress.RequiresPeerFeedback));

    /// <summary>
    /// The enrolment, whether the lesson is done, and this lesson's quiz results and task answers in full: what the
    /// lesson page shows. Course-wide figures of the result (percent, next lesson) cover this lesson only.
    /// One command reads them all (see <see cref="_lesson"/>); a second reads the history of task answers that have
    /// one (see <see cref="TaskHistoryQuery"/>).
    /// </summary>
    public async Task<CourseProgress> LessonAsync(string userId, Course course, Lesson lesson, CancellationToken cancellationToken = default)
    {
        Enrollment? enrollment = null;
        var done = false;
        var attempts = new List<QuizAttempt>();
        var seen = new HashSet<int>();
        var answers = new Dictionary<string, TaskAnswer>();
        await foreach (var row in _lesson(db, userId, course.Id, lesson.Id, IdsOf(lesson.Quizzes, q => q.Id), IdsOf(lesson.Tasks, t => t.Id)).WithCancellation(cancellationToken))
        {
            (enrollment, done) = (row.Enrollment, row.Done);
            if (row.Last is { } last && seen.Add(last.Id))
            {
                attempts.AddRange(WithBest(last, row.BestScorePercent!.Value, row.Passed!.Value));
            }

            if (row.Answer is { } answer)
            {
                answers.TryAdd(answer.TaskId, answer);
            }
        }

        if (enrollment is null)
        {
            return new CourseProgress(course, null, new HashSet<string>(), [], new Dictionary<string, TaskAnswer>(), null);
        }

        var extras = await TaskHistoryQuery.AddHistoryAsync(db, userId, course.Id, lesson, answers, cancellationToken);
        return new CourseProgress(course, enrollment, done ? new HashSet<string> { lesson.Id } : [], attempts, answers, null)
        {
            TaskExtras = extras,
            PeerGiven = extras.ToDictionary(x => x.Key, x => x.Value.PeerGiven),
        };
    }

    // The lists are new for each call: EF reads a list parameter when the query runs, and pages run concurrently.
    private static List<string> IdsOf<T>(IReadOnlyList<T> items, Func<T, string> id) => items.Count == 0 ? [] : items.Select(id).ToList();

    // Compiled once: a lesson page runs it on every view, and translating the LINQ each time cost more than the SQL.
    // One command with flat left joins, because each command costs a read transaction and EF's per-command work:
    // a row per quiz result (with its last attempt in full) and task answer of the lesson, the enrolment on each. A
    // lesson has one or two of each, so the rows multiply little; empty id lists join nothing.
    private static readonly Func<AppDbContext, string, string, string, List<string>, List<string>, IAsyncEnumerable<LessonRow>> _lesson =
        EF.CompileAsyncQuery((AppDbContext db, string userId, string courseId, string lessonId, List<string> quizIds, List<string> taskIds) =>
            from e in db.Enrollments.AsNoTracking()
            where e.UserId == userId && e.CourseId == courseId
            from r in db.QuizResults.AsNoTracking().Where(r => r.UserId == e.UserId && r.CourseId == e.CourseId && quizIds.Contains(r.QuizId)).DefaultIfEmpty()
            from a in db.QuizAttempts.AsNoTracking().Where(a => a.Id == r!.LastAttemptId).DefaultIfEmpty()
            from t in db.TaskAnswers.AsNoTracking().Where(t => t.UserId == e.UserId && t.CourseId == e.CourseId && taskIds.Contains(t.TaskId)).DefaultIfEmpty()
            select new LessonRow
            {
                Enrollment = e,
                Done = db.LessonCompletions.Any(l => l.UserId == e.UserId && l.CourseId == e.CourseId && l.LessonId == lessonId),
                BestScorePercent = r == null ? null : r.BestScorePercent,
                Passed = r == null ? null : r.Passed,
                Last = a,
                Answer = t,
            });

    private sealed class LessonRow
    {
        public Enrollment Enrollment { get; init; } = null!;

        public bool Done { get; init; }

        public int? BestScorePercent { get; init; }

        public bool? Passed { get; init; }

        public QuizAttempt? Last { get; init; }

        public TaskAnswer? Answer { get; init; }
    }

    // The best earlier result stands in as an older attempt, so "best score" and "passed" read as before. Whether
    // anything passed is the result's (re-judged when a trainer changes the pass mark), not the last attempt's own flag.
    private static IEnumerable<QuizAttempt> WithBest(QuizAttempt last, int best, bool anyPassed)
    {
        last.Passed &= anyPassed;
        yield return last;
        if (best > last.ScorePercent || (anyPassed && !last.Passed))
        {
            yield return new QuizAttempt
            {
                UserId = last.UserId, CourseId = last.CourseId, QuizId = last.QuizId, QuizHash = last.QuizHash,
                ScorePercent = best, Passed = anyPassed, SubmittedAtUtc = DateTime.MinValue,
            };
        }
    }

    // peerFeedback: whether a course in question requires peer feedback; only then is what the person gave read, in a second command.
    private async Task<List<ProgressItem>> ItemsAsync(string userId, string? courseId, bool peerFeedback, CancellationToken cancellationToken)
    {
        var items = new List<ProgressItem>();
        await foreach (var item in _items(db, userId, courseId).WithCancellation(cancellationToken))
        {
            items.Add(item);
        }

        if (peerFeedback)
        {
            await foreach (var item in _peerGiven(db, userId, courseId).WithCancellation(cancellationToken))
            {
                items.Add(item);
            }
        }

        return items;
    }

    // Compiled once, like the lesson page's queries: the catalogue, course pages and My studies run it on every view.
    private static readonly Func<AppDbContext, string, string?, IAsyncEnumerable<ProgressItem>> _items =
        EF.CompileAsyncQuery((AppDbContext db, string userId, string? courseId) =>
            db.Enrollments.Where(e => e.UserId == userId && (courseId == null || e.CourseId == courseId))
                .Select(e => new ProgressItem { Kind = ProgressItem.Enrolled, CourseId = e.CourseId, ItemId = e.LastLessonId, Hash = null, At = e.LastActivityAtUtc })
            .Concat(db.CourseCompletions.Where(c => c.UserId == userId && (courseId == null || c.CourseId == courseId))
                .Select(c => new ProgressItem { Kind = ProgressItem.Completed, CourseId = c.CourseId, ItemId = c.ContentVersion, Hash = null, At = c.CompletedAtUtc }))
            .Concat(db.LessonCompletions.Where(l => l.UserId == userId && (courseId == null || l.CourseId == courseId))
                .Select(l => new ProgressItem { Kind = ProgressItem.LessonDone, CourseId = l.CourseId, ItemId = l.LessonId, Hash = null, At = l.CompletedAtUtc }))
            .Concat(db.QuizResults.Where(r => r.UserId == userId && (courseId == null || r.CourseId == courseId) && r.Passed)
                .Select(r => new ProgressItem { Kind = ProgressItem.QuizPassed, CourseId = r.CourseId, ItemId = r.QuizId, Hash = r.QuizHash, At = r.LastAtUtc }))
            .Concat(db.TaskAnswers.Where(a => a.UserId == userId && (courseId == null || a.CourseId == courseId) && a.SubmittedAtUtc != null)
                .Select(a => new ProgressItem
                {
                    // The review state rides in the Hash column, so the summary stays one UNION ALL.
                    Kind = ProgressItem.TaskSubmitted, CourseId = a.CourseId, ItemId = a.TaskId, At = a.SubmittedAtUtc!.Value,
                    Hash = a.ReviewState == TaskReviewState.Accepted ? "accepted"
                        : a.ReviewState == TaskReviewState.Returned ? "returned"
                        : a.ReviewState == TaskReviewState.Resubmitted ? "resubmitted" : "submitted",
                }))
            .AsNoTracking());

    // Kept out of the query above: few courses ask for peer feedback, and every page view would pay for the branch.
    private static readonly Func<AppDbContext, string, string?, IAsyncEnumerable<ProgressItem>> _peerGiven =
        EF.CompileAsyncQuery((AppDbContext db, string userId, string? courseId) =>
            db.PeerReviews.AsNoTracking().Where(p => p.ReviewerUserId == userId && (courseId == null || p.CourseId == courseId) && p.GivenAtUtc != null)
                .Select(p => new ProgressItem { Kind = ProgressItem.PeerGiven, CourseId = p.CourseId, ItemId = p.TaskId, Hash = null, At = p.GivenAtUtc!.Value }));

    private static Dictionary<string, ProgressSummary> Summarise(IEnumerable<ProgressItem> items)
    {
        var summaries = new Dictionary<string, ProgressSummary>();
        foreach (var item in items)
        {
            if (!summaries.TryGetValue(item.CourseId, out var summary))
            {
                summaries[item.CourseId] = summary = new ProgressSummary();
            }

            summary.Add(item);
        }

        return summaries;
    }
}

/// <summary>One row of the summary query: what kind of record, in which course, about which lesson, quiz or task.</summary>
public sealed class ProgressItem
{
    public const int Enrolled = 1, Completed = 2, LessonDone = 3, QuizPassed = 4, TaskSubmitted = 5, PeerGiven = 6;

    public int Kind { get; init; }

    public string CourseId { get; init; } = "";

    public string? ItemId { get; init; }

    public string? Hash { get; init; }

    public DateTime At { get; init; }
}

/// <summary>
/// Where someone stands in one course, without scores or texts: enough for percent, lesson and module states,
/// the next lesson and the completion date. Quiz attempts in it are passed attempts with their hash only.
/// </summary>
public sealed class ProgressSummary
{
    private readonly HashSet<string> _lessons = [];
    private readonly List<QuizAttempt> _passed = [];
    private readonly Dictionary<string, TaskAnswer> _submitted = [];
    private readonly Dictionary<string, int> _peerGiven = [];
    private Enrollment? _enrollment;
    private CourseCompletion? _completion;

    public CourseCompletion? Completion => _completion;

    /// <summary>The enrolment's course id, last lesson and last activity (user id left unset), or null.</summary>
    public Enrollment? Enrollment => _enrollment;

    public static CourseProgress For(ProgressSummary? summary, string userId, Course course) => summary is null
        ? new CourseProgress(course, null, new HashSet<string>(), [], new Dictionary<string, TaskAnswer>(), null)
        : summary.ToProgress(userId, course);

    public CourseProgress ToProgress(string userId, Course course)
    {
        if (_enrollment is not null)
        {
            _enrollment.UserId = userId;
        }

        if (_completion is not null)
        {
            _completion.UserId = userId;
        }

        return new CourseProgress(course, _enrollment, _lessons, _passed, _submitted, _completion) { PeerGiven = _peerGiven };
    }

    private static TaskReviewState StateOf(string? state) => state switch
    {
        "accepted" => TaskReviewState.Accepted,
        "returned" => TaskReviewState.Returned,
        "resubmitted" => TaskReviewState.Resubmitted,
        _ => TaskReviewState.Submitted,
    };

    internal void Add(ProgressItem item)
    {
        switch (item.Kind)
        {
            case ProgressItem.Enrolled:
                _enrollment = new Enrollment { CourseId = item.CourseId, LastLessonId = item.ItemId, LastActivityAtUtc = item.At };
                break;
            case ProgressItem.Completed:
                _completion = new CourseCompletion { CourseId = item.CourseId, ContentVersion = item.ItemId ?? "", CompletedAtUtc = item.At };
                break;
            case ProgressItem.LessonDone:
                _lessons.Add(item.ItemId!);
                break;
            case ProgressItem.QuizPassed:
                _passed.Add(new QuizAttempt { CourseId = item.CourseId, QuizId = item.ItemId!, QuizHash = item.Hash ?? "", Passed = true, SubmittedAtUtc = item.At });
                break;
            case ProgressItem.TaskSubmitted:
                _submitted[item.ItemId!] = new TaskAnswer { CourseId = item.CourseId, TaskId = item.ItemId!, SubmittedAtUtc = item.At, ReviewState = StateOf(item.Hash) };
                break;
            case ProgressItem.PeerGiven:
                _peerGiven[item.ItemId!] = _peerGiven.GetValueOrDefault(item.ItemId!) + 1;
                break;
        }
    }
}
