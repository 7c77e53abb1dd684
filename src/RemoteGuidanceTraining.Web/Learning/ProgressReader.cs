using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>
/// Reads progress in as few SQL commands as the page needs, and only the columns it shows. The catalogue, a course
/// page and My studies need where someone stands (lesson ids done, quizzes passed, tasks submitted, enrolment and
/// completion), never answer texts or quiz-answer JSON: that is one UNION ALL command for one course or for all.
/// A lesson page needs that one lesson's attempts and answers in full: one command as well.
/// </summary>
public sealed class ProgressReader(AppDbContext db)
{
    /// <summary>Summary progress in every course the person has any record in, keyed by course id.</summary>
    public async Task<IReadOnlyDictionary<string, ProgressSummary>> SummariesAsync(string userId, CancellationToken cancellationToken = default) =>
        Summarise(await ItemsOf(userId, courseId: null).ToListAsync(cancellationToken));

    /// <summary>Summary progress in one course (see <see cref="ProgressSummary.For"/>).</summary>
    public async Task<CourseProgress> SummaryAsync(string userId, Course course, CancellationToken cancellationToken = default) =>
        ProgressSummary.For(Summarise(await ItemsOf(userId, course.Id).ToListAsync(cancellationToken)).GetValueOrDefault(course.Id), userId, course);

    /// <summary>
    /// The enrolment, whether the lesson is done, and this lesson's quiz attempts and task answers in full: what the
    /// lesson page shows. Course-wide figures of the result (percent, next lesson) cover this lesson only.
    /// </summary>
    public async Task<CourseProgress> LessonAsync(string userId, Course course, Lesson lesson, CancellationToken cancellationToken = default)
    {
        var quizIds = lesson.Quizzes.Select(q => q.Id).ToList();
        var taskIds = lesson.Tasks.Select(t => t.Id).ToList();
        var lessonId = lesson.Id;
        var row = await db.Enrollments.AsNoTracking()
            .Where(e => e.UserId == userId && e.CourseId == course.Id)
            .Select(e => new
            {
                Enrollment = e,
                Done = db.LessonCompletions.Any(l => l.UserId == e.UserId && l.CourseId == e.CourseId && l.LessonId == lessonId),
                // Only the last attempt per quiz version, with that version's best score and whether any passed: attempts
                // are unlimited, and the page shows the last one's answers and the best score.
                Attempts = db.QuizAttempts
                    .Where(a => a.UserId == e.UserId && a.CourseId == e.CourseId && quizIds.Contains(a.QuizId))
                    .Where(a => a.Id == db.QuizAttempts
                        .Where(b => b.UserId == a.UserId && b.CourseId == a.CourseId && b.QuizId == a.QuizId && b.QuizHash == a.QuizHash).Max(b => b.Id))
                    .Select(a => new
                    {
                        Last = a,
                        Best = db.QuizAttempts.Where(b => b.UserId == a.UserId && b.CourseId == a.CourseId && b.QuizId == a.QuizId && b.QuizHash == a.QuizHash)
                            .Max(b => b.ScorePercent),
                        AnyPassed = db.QuizAttempts.Any(b => b.UserId == a.UserId && b.CourseId == a.CourseId && b.QuizId == a.QuizId
                            && b.QuizHash == a.QuizHash && b.Passed),
                    })
                    .ToList(),
                Answers = db.TaskAnswers.Where(a => a.UserId == e.UserId && a.CourseId == e.CourseId && taskIds.Contains(a.TaskId)).ToList(),
            })
            .AsSingleQuery() // one round trip; a lesson has one or two quizzes and tasks, so the join stays small
            .SingleOrDefaultAsync(cancellationToken);
        return row is null
            ? new CourseProgress(course, null, new HashSet<string>(), [], new Dictionary<string, TaskAnswer>(), null)
            : new CourseProgress(course, row.Enrollment, row.Done ? new HashSet<string> { lessonId } : [],
                row.Attempts.SelectMany(a => WithBest(a.Last, a.Best, a.AnyPassed)).ToList(), row.Answers.ToDictionary(a => a.TaskId), null);
    }

    // The best earlier result stands in as an older attempt, so "best score" and "passed" read as before.
    private static IEnumerable<QuizAttempt> WithBest(QuizAttempt last, int best, bool anyPassed)
    {
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

    private IQueryable<ProgressItem> ItemsOf(string userId, string? courseId)
    {
        var enrollments = db.Enrollments.Where(e => e.UserId == userId && (courseId == null || e.CourseId == courseId))
            .Select(e => new ProgressItem { Kind = ProgressItem.Enrolled, CourseId = e.CourseId, ItemId = e.LastLessonId, Hash = null, At = e.LastActivityAtUtc });
        var completions = db.CourseCompletions.Where(c => c.UserId == userId && (courseId == null || c.CourseId == courseId))
            .Select(c => new ProgressItem { Kind = ProgressItem.Completed, CourseId = c.CourseId, ItemId = c.ContentVersion, Hash = null, At = c.CompletedAtUtc });
        var lessons = db.LessonCompletions.Where(l => l.UserId == userId && (courseId == null || l.CourseId == courseId))
            .Select(l => new ProgressItem { Kind = ProgressItem.LessonDone, CourseId = l.CourseId, ItemId = l.LessonId, Hash = null, At = l.CompletedAtUtc });
        var quizzes = db.QuizAttempts.Where(a => a.UserId == userId && (courseId == null || a.CourseId == courseId) && a.Passed)
            .Select(a => new ProgressItem { Kind = ProgressItem.QuizPassed, CourseId = a.CourseId, ItemId = a.QuizId, Hash = a.QuizHash, At = a.SubmittedAtUtc });
        var tasks = db.TaskAnswers.Where(a => a.UserId == userId && (courseId == null || a.CourseId == courseId) && a.SubmittedAtUtc != null)
            .Select(a => new ProgressItem
            {
                // The review state rides in the Hash column, so the summary stays one UNION ALL.
                Kind = ProgressItem.TaskSubmitted, CourseId = a.CourseId, ItemId = a.TaskId, At = a.SubmittedAtUtc!.Value,
                Hash = a.ReviewState == TaskReviewState.Accepted ? "accepted"
                    : a.ReviewState == TaskReviewState.Returned ? "returned"
                    : a.ReviewState == TaskReviewState.Resubmitted ? "resubmitted" : "submitted",
            });
        return enrollments.Concat(completions).Concat(lessons).Concat(quizzes).Concat(tasks).AsNoTracking();
    }

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
    public const int Enrolled = 1, Completed = 2, LessonDone = 3, QuizPassed = 4, TaskSubmitted = 5;

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
    private Enrollment? _enrollment;
    private CourseCompletion? _completion;

    public CourseCompletion? Completion => _completion;

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

        return new CourseProgress(course, _enrollment, _lessons, _passed, _submitted, _completion);
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
        }
    }
}
