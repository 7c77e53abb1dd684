using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>
/// Completion checks as counting queries against the course as it is now: lessons done among its lesson ids, quizzes
/// passed with their current question hash, tasks submitted among its task ids. Counts, so no texts or answer JSON
/// are read, and one SQL command whatever the size of the course.
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
                Tasks = db.TaskAnswers.Count(a => a.UserId == e.UserId && a.CourseId == e.CourseId && a.SubmittedAtUtc != null && r.TaskIds.Contains(a.TaskId)),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return counts is { Completed: false } && counts.Lessons == r.LessonIds.Count && counts.Quizzes == r.QuizIds.Count && counts.Tasks == r.TaskIds.Count;
    }

    /// <summary>Everyone enrolled in the course who has met every requirement but has no completion yet (after a content change).</summary>
    public Task<List<string>> PeopleWhoMetAllAsync(Course course, CancellationToken cancellationToken = default)
    {
        var r = Of(course);
        return db.Enrollments.AsNoTracking()
            .Where(e => e.CourseId == course.Id && !db.CourseCompletions.Any(c => c.UserId == e.UserId && c.CourseId == e.CourseId))
            .Where(e => db.LessonCompletions.Count(l => l.UserId == e.UserId && l.CourseId == e.CourseId && r.LessonIds.Contains(l.LessonId)) == r.LessonIds.Count)
            .Where(e => db.QuizResults.Count(q => q.UserId == e.UserId && q.CourseId == e.CourseId && q.Passed
                && r.QuizIds.Contains(q.QuizId) && r.QuizHashes.Contains(q.QuizHash)) == r.QuizIds.Count)
            .Where(e => db.TaskAnswers.Count(a => a.UserId == e.UserId && a.CourseId == e.CourseId && a.SubmittedAtUtc != null && r.TaskIds.Contains(a.TaskId)) == r.TaskIds.Count)
            .Select(e => e.UserId)
            .ToListAsync(cancellationToken);
    }

    // A quiz's hash covers its question ids, which are unique within a course, so a current hash belongs to one quiz.
    private static Ids Of(Course course) => new(
        course.Lessons.Select(l => l.Id).ToList(),
        course.Quizzes.Select(q => q.Id).ToList(),
        course.Quizzes.Select(q => q.ContentHash).ToList(),
        course.Tasks.Select(t => t.Id).ToList());

    private sealed record Ids(List<string> LessonIds, List<string> QuizIds, List<string> QuizHashes, List<string> TaskIds);
}
