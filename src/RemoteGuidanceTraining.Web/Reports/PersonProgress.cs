using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Reports;

/// <summary>One participant's standing in one course, requirement by requirement, as a coordinator sees it.</summary>
public sealed record PersonProgress(
    string UserId,
    string FullName,
    string Email,
    string? Organisation,
    string CourseTitle,
    DateTime EnrolledAtUtc,
    DateTime? LastActivityAtUtc,
    DateTime? CompletedAtUtc,
    int Percent,
    IReadOnlyList<PersonProgress.LessonLine> Lessons,
    IReadOnlyList<PersonProgress.QuizLine> Quizzes,
    IReadOnlyList<PersonProgress.TaskLine> Tasks)
{
    public sealed record LessonLine(string ModuleTitle, string Title, DateTime? ReadAtUtc);

    /// <summary>Only attempts against the quiz's current questions count, as in the participant's own view.</summary>
    public sealed record QuizLine(string Title, int Attempts, int? BestScore, bool Passed);

    /// <summary>
    /// Submitted, and whether a trainer has replied (returned with feedback). <c>Done</c> counts as the participant's
    /// own progress does: submitted, and accepted when the task asks for review. <c>PeerAsked</c> is the peer
    /// feedback a `peer-required` task asks the person to give (0 when none), <c>PeerGiven</c> how much they have.
    /// </summary>
    public sealed record TaskLine(string Title, DateTime? SubmittedAtUtc, bool HasDraft, DateTime? FeedbackAtUtc, bool Done, int PeerAsked, int PeerGiven);
}

/// <summary>
/// Reads one person's progress for a coordinator. The person must be inside the viewer's scope and enrolled in
/// the course; otherwise the answer is null and the page says "not found", never whether the person exists.
/// </summary>
public sealed class PersonProgressService(AppDbContext db, Learning.Requirements requirements)
{
    /// <summary>
    /// Whether the person is in the viewer's scope for this course and enrolled in it: the one question a page may
    /// answer about a course it cannot lay out (a removed folder), so it tells an outsider nothing either.
    /// </summary>
    public Task<bool> IsVisibleEnrolmentAsync(string courseId, CoordinatorScope scope, string userId, CancellationToken cancellationToken) =>
        scope.Filter(db.Users.AsNoTracking(), courseId).Where(u => u.Id == userId)
            .AnyAsync(u => db.Enrollments.Any(e => e.UserId == u.Id && e.CourseId == courseId), cancellationToken);

    public async Task<PersonProgress?> LoadAsync(Course course, CoordinatorScope scope, string userId, CancellationToken cancellationToken)
    {
        var person = await scope.Filter(db.Users.AsNoTracking(), course.Id).Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.FullName, u.Email, u.Organisation }).SingleOrDefaultAsync(cancellationToken);
        var enrollment = person is null ? null : await db.Enrollments.AsNoTracking()
            .SingleOrDefaultAsync(e => e.UserId == userId && e.CourseId == course.Id, cancellationToken);
        if (person is null || enrollment is null)
        {
            return null;
        }

        var read = await db.LessonCompletions.AsNoTracking().Where(l => l.UserId == userId && l.CourseId == course.Id)
            .Select(l => new { l.LessonId, l.CompletedAtUtc }).ToListAsync(cancellationToken);
        // One stored result per quiz version tried (attempts, best score, and "passed" as the participant's own pages and
        // completion read it, re-judged when a pass mark changes), so the figures cannot differ from theirs.
        var results = await db.QuizResults.AsNoTracking().Where(r => r.UserId == userId && r.CourseId == course.Id)
            .Select(r => new { r.QuizId, r.QuizHash, r.Attempts, r.BestScorePercent, r.Passed }).ToListAsync(cancellationToken);
        var answers = await db.TaskAnswers.AsNoTracking().Where(a => a.UserId == userId && a.CourseId == course.Id)
            .Select(a => new { a.TaskId, a.SubmittedAtUtc, a.FeedbackAtUtc, a.ReviewState }).ToListAsync(cancellationToken);
        var peerGiven = await requirements.PeerFeedbackGivenPerTaskAsync(userId, course.Id, cancellationToken);
        var completed = await db.CourseCompletions.AsNoTracking().Where(c => c.UserId == userId && c.CourseId == course.Id)
            .Select(c => (DateTime?)c.CompletedAtUtc).FirstOrDefaultAsync(cancellationToken);

        var readAt = read.GroupBy(l => l.LessonId).ToDictionary(g => g.Key, g => g.Min(l => l.CompletedAtUtc));
        var lessons = course.Modules.SelectMany(m => m.Lessons.Select(l => new PersonProgress.LessonLine(m.Title, l.Title, readAt.TryGetValue(l.Id, out var at) ? at : null))).ToList();
        var quizzes = course.Quizzes.Select(q =>
        {
            var current = results.FirstOrDefault(r => r.QuizId == q.Id && r.QuizHash == q.ContentHash);
            return new PersonProgress.QuizLine(q.Title, current?.Attempts ?? 0, current?.BestScorePercent, current?.Passed ?? false);
        }).ToList();
        var tasks = course.Tasks.Select(t =>
        {
            var answer = answers.FirstOrDefault(a => a.TaskId == t.Id);
            var done = answer?.SubmittedAtUtc is not null && (!t.ReviewRequired || answer.ReviewState == Learning.TaskReviewState.Accepted);
            return new PersonProgress.TaskLine(t.Title, answer?.SubmittedAtUtc, answer is { SubmittedAtUtc: null }, answer?.FeedbackAtUtc, done,
                Learning.CourseProgress.RequiresPeerFeedback(t) ? t.Peer : 0, peerGiven.GetValueOrDefault(t.Id));
        }).ToList();

        // The same requirements as the participant's own progress and completion.
        var peerTasks = tasks.Where(t => t.PeerAsked > 0).ToList();
        var done = lessons.Count(l => l.ReadAtUtc is not null) + quizzes.Count(q => q.Passed) + tasks.Count(t => t.Done) + peerTasks.Count(t => t.PeerGiven >= t.PeerAsked);
        var total = lessons.Count + quizzes.Count + tasks.Count + peerTasks.Count;
        var started = Learning.CourseStart.FromRecords(read.Count, results.Count, answers.Count);
        return new PersonProgress(person.Id, person.FullName, person.Email ?? "", person.Organisation, course.Title,
            enrollment.EnrolledAtUtc, started ? enrollment.LastActivityAtUtc : null, completed,
            completed is not null ? 100 : Percentages.Of(done, total), lessons, quizzes, tasks);
    }
}
