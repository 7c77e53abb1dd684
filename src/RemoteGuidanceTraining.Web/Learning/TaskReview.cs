using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;

namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>
/// A trainer's side of development tasks: the submitted answers of the courses they read (see
/// <see cref="TrainerScope"/>), one answer at a time, and the feedback that is mailed to the participant.
/// </summary>
public sealed class TaskReview(AppDbContext db, CatalogHolder catalog, TaskFeedbackMails mails, AppMailer mailer, PublicUrls urls, TimeProvider clock)
{
    /// <summary>Feedback longer than this is refused with a message (it is a comment, not a document).</summary>
    public const int MaxFeedbackLength = 20_000;

    /// <summary>The list shows at most this many answers, oldest first: the rest wait their turn.</summary>
    public const int MaxListed = 500;

    public async Task<IReadOnlyList<SubmittedAnswer>> ListAsync(IReadOnlyList<Course> courses, bool waitingOnly, CancellationToken cancellationToken)
    {
        var byId = courses.ToDictionary(c => c.Id);
        var ids = byId.Keys.ToList();
        var query = db.TaskAnswers.AsNoTracking().Where(a => a.SubmittedAtUtc != null && ids.Contains(a.CourseId));
        if (waitingOnly)
        {
            query = query.Where(a => a.Feedback == null);
        }

        var rows = await (from a in query
                          join u in db.Users on a.UserId equals u.Id
                          orderby a.SubmittedAtUtc
                          select new { a.Id, u.FullName, a.CourseId, a.TaskId, a.SubmittedAtUtc, HasFeedback = a.Feedback != null })
                          .Take(MaxListed).ToListAsync(cancellationToken);
        return rows.Select(r => new SubmittedAnswer(r.Id, r.FullName, byId[r.CourseId].Title, TitleOf(byId[r.CourseId], r.TaskId), r.SubmittedAtUtc!.Value, r.HasFeedback)).ToList();
    }

    /// <summary>Only a submitted answer of one of the given courses; anything else gives null.</summary>
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
        return new AnswerUnderReview(answer, participant, course, course.Tasks.FirstOrDefault(x => x.Id == answer.TaskId));
    }

    /// <summary>The feedback and the mail announcing it commit together: neither without the other.</summary>
    public async Task SaveFeedbackAsync(AnswerUnderReview review, string feedback, string? byUserId, CancellationToken cancellationToken)
    {
        var answer = review.Answer;
        answer.Feedback = feedback.Trim();
        answer.FeedbackByUserId = byUserId;
        answer.FeedbackAtUtc = clock.GetUtcNow().UtcDateTime;
        var lesson = catalog.Current.Find(answer.CourseId)?.Lessons.FirstOrDefault(l => l.Tasks.Any(x => x.Id == answer.TaskId));
        var link = lesson is null ? urls.Page("/MyStudies/Index")
            : urls.Page("/Courses/Lesson", new { courseId = answer.CourseId, moduleId = lesson.ModuleId, lessonId = lesson.Id }, "task-" + answer.TaskId);
        mails.Enqueue(review.Participant, answer, review.Course.Title, link);
        await mailer.SaveAndSendAsync(cancellationToken);
    }

    /// <summary>The task's readable title; a task removed from the course since the answer keeps its id.</summary>
    private static string TitleOf(Course course, string taskId) =>
        course.Tasks.FirstOrDefault(t => t.Id == taskId)?.Title ?? taskId;
}

public sealed record SubmittedAnswer(int Id, string FullName, string CourseTitle, string TaskTitle, DateTime SubmittedAtUtc, bool HasFeedback);

public sealed record AnswerUnderReview(TaskAnswer Answer, AppUser Participant, Course Course, CourseTask? Task);
