using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;
using RemoteGuidanceTraining.Web.Paging;

namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>
/// A trainer's side of development tasks: the submitted answers of the courses they read (see
/// <see cref="TrainerScope"/>), filtered and a page at a time; one answer with its history; and the decision —
/// accept, or return for revision — which commits with its feedback, its mail and any completion it makes possible.
/// </summary>
public sealed class TaskReview(
    AppDbContext db, CatalogHolder catalog, TaskFeedbackMails mails, CompletionService completion, OutboxSignal signal, PublicUrls urls, TimeProvider clock,
    DatabaseLocks locks)
{
    public const int PageSize = 50;

    /// <summary>The cohorts a trainer may filter by: those of the courses they read, newest first.</summary>
    public async Task<IReadOnlyList<CohortChoice>> CohortsAsync(IReadOnlyList<Course> courses, CancellationToken cancellationToken)
    {
        var ids = courses.Select(c => c.Id).ToList();
        return await db.Cohorts.AsNoTracking().Where(c => ids.Contains(c.CourseId)).OrderByDescending(c => c.StartsOn).ThenBy(c => c.Name)
            .Take(300).Select(c => new CohortChoice(c.Id, c.Name, c.CourseId)).ToListAsync(cancellationToken);
    }

    /// <summary>Submitted answers of the given courses matching the filter, oldest first (they have waited longest).</summary>
    public async Task<PagedList<SubmittedAnswer>> ListAsync(IReadOnlyList<Course> courses, TaskListFilter filter, IReadOnlyList<CohortChoice> cohorts, CancellationToken cancellationToken)
    {
        var byId = courses.ToDictionary(c => c.Id);
        List<string> ids = filter.CourseId is { } one && byId.ContainsKey(one) ? [one] : byId.Keys.ToList();
        var query = InState(db.TaskAnswers.AsNoTracking().Where(a => a.SubmittedAtUtc != null && ids.Contains(a.CourseId)), filter.State);

        // Only a cohort of the trainer's own courses filters; a guessed id of another cohort is ignored.
        if (filter.CohortId is { } cohortId && cohorts.Any(c => c.Id == cohortId))
        {
            query = query.Where(a => db.CohortMembers.Any(m => m.CohortId == cohortId && m.UserId == a.UserId && m.Status == CohortMemberStatus.Member));
        }

        var rows = from a in query
                   join u in db.Users on a.UserId equals u.Id
                   orderby a.SubmittedAtUtc, a.Id
                   select new AnswerRow(a.Id, u.FullName, a.CourseId, a.TaskId, a.SubmittedAtUtc!.Value, a.ReviewState, a.VersionCount);
        var page = await PagedList<AnswerRow>.ReadAsync(rows, filter.Page, PageSize, cancellationToken);
        return page.Select(r => new SubmittedAnswer(r.Id, r.FullName, byId[r.CourseId].Title, TitleOf(byId[r.CourseId], r.TaskId),
            r.SubmittedAtUtc, r.ReviewState, r.VersionCount, byId[r.CourseId].Language));
    }

    private static IQueryable<TaskAnswer> InState(IQueryable<TaskAnswer> query, ReviewFilter state) => state switch
    {
        ReviewFilter.Waiting => query.Where(a => a.ReviewState == TaskReviewState.Submitted || a.ReviewState == TaskReviewState.Resubmitted),
        ReviewFilter.New => query.Where(a => a.ReviewState == TaskReviewState.Submitted),
        ReviewFilter.Accepted => query.Where(a => a.ReviewState == TaskReviewState.Accepted),
        ReviewFilter.Returned => query.Where(a => a.ReviewState == TaskReviewState.Returned),
        ReviewFilter.Resubmitted => query.Where(a => a.ReviewState == TaskReviewState.Resubmitted),
        _ => query,
    };

    /// <summary>
    /// How many submitted answers in the given state wait in each course that failed to load: the list cannot show
    /// them (their tasks' titles and rubrics are not served), but it says they are there. No query without such courses.
    /// </summary>
    public async Task<IReadOnlyList<UnavailableAnswers>> UnavailableCountsAsync(IReadOnlyList<UnavailableCourse> courses, ReviewFilter state, CancellationToken cancellationToken)
    {
        if (courses.Count == 0)
        {
            return [];
        }

        var ids = courses.Select(c => c.Id).ToList();
        var counts = await InState(db.TaskAnswers.AsNoTracking().Where(a => a.SubmittedAtUtc != null && ids.Contains(a.CourseId)), state)
            .GroupBy(a => a.CourseId).Select(g => new { CourseId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.CourseId, x => x.Count, cancellationToken);
        return courses.Where(c => counts.ContainsKey(c.Id)).Select(c => new UnavailableAnswers(c, counts[c.Id])).ToList();
    }

    /// <summary>The course of a submitted answer when it is one of the given courses that failed to load, else null.</summary>
    public async Task<UnavailableCourse?> UnavailableCourseOfAsync(IReadOnlyList<UnavailableCourse> courses, int answerId, CancellationToken cancellationToken)
    {
        var ids = courses.Select(c => c.Id).ToList();
        var courseId = ids.Count == 0 ? null : await db.TaskAnswers.AsNoTracking().Where(a => a.Id == answerId && a.SubmittedAtUtc != null && ids.Contains(a.CourseId))
            .Select(a => a.CourseId).SingleOrDefaultAsync(cancellationToken);
        return courses.FirstOrDefault(c => c.Id == courseId);
    }

    private sealed record AnswerRow(int Id, string FullName, string CourseId, string TaskId, DateTime SubmittedAtUtc, TaskReviewState ReviewState, int VersionCount);

    /// <summary>Only a submitted answer of one of the given courses; anything else gives null. With its whole history.</summary>
    public async Task<AnswerUnderReview?> FindAsync(IReadOnlyList<Course> courses, int id, CancellationToken cancellationToken)
    {
        var ids = courses.Select(c => c.Id).ToList();
        var answer = await db.TaskAnswers.SingleOrDefaultAsync(a => a.Id == id && a.SubmittedAtUtc != null && ids.Contains(a.CourseId), cancellationToken);
        if (answer is null)
        {
            return null;
        }

        var course = courses.Single(c => c.Id == answer.CourseId);
        var participant = await db.Users.SingleAsync(u => u.Id == answer.UserId, cancellationToken);
        var versions = await db.TaskAnswerVersions.AsNoTracking().Where(v => v.TaskAnswerId == id).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        var feedback = await (from f in db.TaskFeedbacks.AsNoTracking()
                              where f.TaskAnswerId == id
                              join u in db.Users on f.ByUserId equals (string?)u.Id into trainers
                              from u in trainers.DefaultIfEmpty()
                              orderby f.GivenAtUtc, f.Id
                              select new { Feedback = f, Name = u == null ? null : u.FullName }).ToListAsync(cancellationToken);
        var received = await (from p in db.PeerReviews.AsNoTracking()
                              where p.TaskAnswerId == id && p.GivenAtUtc != null
                              join u in db.Users on p.ReviewerUserId equals u.Id
                              orderby p.GivenAtUtc
                              select new PeerFeedbackShown(u.FullName, p.Text!, p.GivenAtUtc!.Value)).ToListAsync(cancellationToken);
        var given = await (from p in db.PeerReviews.AsNoTracking()
                           where p.ReviewerUserId == answer.UserId && p.CourseId == answer.CourseId && p.TaskId == answer.TaskId && p.GivenAtUtc != null
                           // Feedback on an answer whose author deleted their account still counts, so it is listed, without a name.
                           join a in db.TaskAnswers on p.TaskAnswerId equals a.Id into reviewed
                           from a in reviewed.DefaultIfEmpty()
                           join u in db.Users on a!.UserId equals u.Id into authors
                           from u in authors.DefaultIfEmpty()
                           orderby p.GivenAtUtc
                           select new PeerFeedbackShown(u != null ? u.FullName : null, p.Text!, p.GivenAtUtc!.Value)).ToListAsync(cancellationToken);
        var history = new TaskHistory(versions, feedback.Select(f => FeedbackEntry.Of(f.Feedback, f.Name)).ToList(), received);
        return new AnswerUnderReview(answer, participant, course, course.Tasks.FirstOrDefault(x => x.Id == answer.TaskId), history, given);
    }

    /// <summary>
    /// "One handler, one commit": the decision, the feedback in the history, the mail to the participant and —
    /// when accepting meets the last requirement — the completion with its certificate and mail, in one transaction.
    /// Returns false, changing nothing, for an answer that is final (<see cref="AnswerUnderReview.IsFinal"/>) or the decider's own.
    /// </summary>
    public async Task<bool> DecideAsync(AnswerUnderReview review, bool accept, string feedback, IReadOnlyList<CriterionComment> criteria, string? byUserId, CancellationToken cancellationToken)
    {
        // A trainer who takes the course too could otherwise accept their own answer and so certify themselves.
        if (review.IsFinal || review.Answer.UserId == byUserId)
        {
            return false;
        }

        var answer = review.Answer;
        var now = clock.GetUtcNow().UtcDateTime;
        var decision = accept ? TaskReviewState.Accepted : TaskReviewState.Returned;
        var version = Math.Max(1, answer.VersionCount);
        var text = feedback.Trim();
        var criteriaJson = CriteriaJson(criteria);
        // The same decision sent again (the form resubmitted, or pressed twice at once) is already saved and mailed:
        // checked under a lock per answer, so two requests at the same moment cannot both find nothing yet.
        await using var deciding = await locks.AcquireAsync($"task-review:{answer.Id}", cancellationToken);
        if (await db.TaskFeedbacks.AsNoTracking().Where(f => f.TaskAnswerId == answer.Id).OrderByDescending(f => f.Id).FirstOrDefaultAsync(cancellationToken)
            is { } last && last.VersionNumber == version && last.Decision == decision && last.Text == text && last.CriteriaJson == criteriaJson)
        {
            return true;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        answer.ReviewState = decision;
        answer.Feedback = Composed(text, criteria);
        answer.FeedbackByUserId = byUserId;
        answer.FeedbackAtUtc = now;
        db.TaskFeedbacks.Add(new TaskFeedback
        {
            TaskAnswerId = answer.Id, VersionNumber = version, ByUserId = byUserId, GivenAtUtc = now, Decision = decision,
            Text = text, CriteriaJson = criteriaJson,
        });
        mails.Enqueue(review.Participant, answer, new InLanguage(review.Course.Title, review.Course.Language), LinkTo(answer), decision);
        await db.SaveChangesAsync(cancellationToken);
        if (accept)
        {
            await completion.CompleteIfMetAsync(answer.UserId, review.Course, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        signal.Notify();
        return true;
    }

    /// <summary>The per-criterion comments as stored; callers check its length against <see cref="TaskLimits.MaxCriteriaJsonLength"/> first.</summary>
    public static string? CriteriaJson(IReadOnlyList<CriterionComment> criteria) => criteria.Count == 0 ? null : JsonSerializer.Serialize(criteria);

    /// <summary>The lesson holding the task, at the task; My studies when the task has left the course.</summary>
    private string LinkTo(TaskAnswer answer)
    {
        var lesson = catalog.Current.Find(answer.CourseId)?.Lessons.FirstOrDefault(l => l.Tasks.Any(x => x.Id == answer.TaskId));
        return lesson is null ? urls.Page("/MyStudies/Index")
            : urls.Page("/Courses/Lesson", new { courseId = answer.CourseId, moduleId = lesson.ModuleId, lessonId = lesson.Id }, "task-" + answer.TaskId);
    }

    /// <summary>The latest feedback as one plain text (reports, the data export): the general comment, then each criterion's.</summary>
    private static string Composed(string feedback, IReadOnlyList<CriterionComment> criteria)
    {
        var text = string.Join("\n\n", new[] { feedback }.Concat(criteria.Select(c => $"{c.Criterion}: {c.Comment}")));
        return text.Length <= TaskLimits.MaxFeedbackLength ? text : text[..TaskLimits.MaxFeedbackLength];
    }

    /// <summary>The task's readable title; a task removed from the course since the answer keeps its id.</summary>
    private static string TitleOf(Course course, string taskId) =>
        course.Tasks.FirstOrDefault(t => t.Id == taskId)?.Title ?? taskId;
}

public enum ReviewFilter
{
    Waiting,
    New,
    Accepted,
    Returned,
    Resubmitted,
    All,
}

public sealed record TaskListFilter(string? CourseId, int? CohortId, ReviewFilter State, int Page);


public sealed record CohortChoice(int Id, string Name, string CourseId);

/// <summary>Submitted answers in a course that is temporarily not served (see <see cref="TaskReview.UnavailableCountsAsync"/>).</summary>
public sealed record UnavailableAnswers(UnavailableCourse Course, int Answers);

/// <summary>One row of the task list; CourseLanguage is the lang of its course and task titles.</summary>
public sealed record SubmittedAnswer(int Id, string FullName, string CourseTitle, string TaskTitle, DateTime SubmittedAtUtc, TaskReviewState State, int Versions, string CourseLanguage);

public sealed record AnswerUnderReview(TaskAnswer Answer, AppUser Participant, Course Course, CourseTask? Task, TaskHistory History, IReadOnlyList<PeerFeedbackShown> PeerGiven)
{
    /// <summary>A `review=required` answer once accepted: it may have completed the course, so no decision changes it.</summary>
    public bool IsFinal => Task?.ReviewRequired == true && Answer.ReviewState == TaskReviewState.Accepted;
}
