using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>
/// Completion checks as counting queries against the course as it is now: lessons done among its lesson ids, quizzes
/// passed with their current question hash, tasks submitted among its task ids (and accepted by a trainer when the
/// task says `review=required`). Counts, so no texts or answer JSON are read, and one SQL command whatever the size
/// of the course. A course with `peer-required=true` tasks adds one small count of the peer feedback given, and only
/// when everything else is met.
/// </summary>
public sealed class Requirements(AppDbContext db)
{
    /// <summary>True when the person is enrolled, not yet completed, and has met every requirement.</summary>
    public async Task<bool> AllMetAsync(string userId, Course course, CancellationToken cancellationToken = default)
    {
        var r = Of(course);
        var counts = await db.Enrollments.AsNoTracking()
            .Where(e => e.UserId == userId && e.CourseId == course.Id)
            .Select(e => new
            {
                Completed = db.CourseCompletions.Any(c => c.UserId == e.UserId && c.CourseId == e.CourseId),
                Lessons = db.LessonCompletions.Count(l => l.UserId == e.UserId && l.CourseId == e.CourseId && r.LessonIds.Contains(l.LessonId)),
                Quizzes = db.QuizResults.Count(q => q.UserId == e.UserId && q.CourseId == e.CourseId && q.Passed
                    && r.QuizIds.Contains(q.QuizId) && r.QuizHashes.Contains(q.QuizHash)),
                Tasks = db.TaskAnswers.Count(a => a.UserId == e.UserId && a.CourseId == e.CourseId && a.SubmittedAtUtc != null && r.TaskIds.Contains(a.TaskId)
                    && (a.ReviewState == TaskReviewState.Accepted || !r.ReviewTaskIds.Contains(a.TaskId))),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var met = counts is { Completed: false } && counts.Lessons == r.LessonIds.Count && counts.Quizzes == r.QuizIds.Count && counts.Tasks == r.TaskIds.Count;
        return met && (r.PeerRequired.Count == 0 || await PeerFeedbackGivenAsync(userId, course.Id, r.PeerRequired, cancellationToken));
    }

    /// <summary>Whether the person has given the asked number of peer feedbacks on every task that requires them.</summary>
    private async Task<bool> PeerFeedbackGivenAsync(string userId, string courseId, IReadOnlyDictionary<string, int> required, CancellationToken cancellationToken)
    {
        var given = await PeerFeedbackGivenPerTaskAsync(userId, courseId, cancellationToken);
        return required.All(t => given.GetValueOrDefault(t.Key) >= t.Value);
    }

    /// <summary>How many peer feedbacks the person has given in the course, by task id.</summary>
    public Task<Dictionary<string, int>> PeerFeedbackGivenPerTaskAsync(string userId, string courseId, CancellationToken cancellationToken) =>
        db.PeerReviews.AsNoTracking()
            .Where(p => p.ReviewerUserId == userId && p.CourseId == courseId && p.GivenAtUtc != null)
            .GroupBy(p => p.TaskId).Select(g => new { TaskId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.TaskId, g => g.Count, cancellationToken);

    /// <summary>
    /// Everyone enrolled in the course who has met every requirement but has no completion yet (after a content
    /// change). Peer feedback is not counted here: <see cref="AllMetAsync"/> checks it for each person found.
    /// </summary>
    public Task<List<string>> PeopleWhoMetAllAsync(Course course, CancellationToken cancellationToken = default)
    {
        var r = Of(course);
        return db.Enrollments.AsNoTracking()
            .Where(e => e.CourseId == course.Id && !db.CourseCompletions.Any(c => c.UserId == e.UserId && c.CourseId == e.CourseId))
            .Where(e => db.LessonCompletions.Count(l => l.UserId == e.UserId && l.CourseId == e.CourseId && r.LessonIds.Contains(l.LessonId)) == r.LessonIds.Count)
            .Where(e => db.QuizResults.Count(q => q.UserId == e.UserId && q.CourseId == e.CourseId && q.Passed
                && r.QuizIds.Contains(q.QuizId) && r.QuizHashes.Contains(q.QuizHash)) == r.QuizIds.Count)
            .Where(e => db.TaskAnswers.Count(a => a.UserId == e.UserId && a.CourseId == e.CourseId && a.SubmittedAtUtc != null && r.TaskIds.Contains(a.TaskId)
                && (a.ReviewState == TaskReviewState.Accepted || !r.ReviewTaskIds.Contains(a.TaskId))) == r.TaskIds.Count)
            .Select(e => e.UserId)
            .ToListAsync(cancellationToken);
    }

    // A quiz's hash covers its question ids, which are unique within a course, so a current hash belongs to one quiz.
    private static Ids Of(Course course) => new(
        course.Lessons.Select(l => l.Id).ToList(),
        course.Quizzes.Select(q => q.Id).ToList(),
        course.Quizzes.Select(q => q.ContentHash).ToList(),
        course.Tasks.Select(t => t.Id).ToList(),
        course.Tasks.Where(t => t.ReviewRequired).Select(t => t.Id).ToList(),
        course.Tasks.Where(CourseProgress.RequiresPeerFeedback).ToDictionary(t => t.Id, t => t.Peer));

    private sealed record Ids(List<string> LessonIds, List<string> QuizIds, List<string> QuizHashes, List<string> TaskIds,
        List<string> ReviewTaskIds, Dictionary<string, int> PeerRequired);
}
