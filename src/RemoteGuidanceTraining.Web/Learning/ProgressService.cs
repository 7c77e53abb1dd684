using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>
/// Reads and records one participant's progress. Every write re-checks completion at once, so a course is completed
/// (and its certificate issued) in the same request that meets the last requirement.
/// </summary>
public sealed class ProgressService(AppDbContext db, CompletionService completion)
{
    public async Task<CourseProgress> LoadAsync(string userId, Course course)
    {
        var enrollment = await db.Enrollments.SingleOrDefaultAsync(e => e.UserId == userId && e.CourseId == course.Id);
        var lessons = await db.LessonCompletions.Where(l => l.UserId == userId && l.CourseId == course.Id).Select(l => l.LessonId).ToListAsync();
        var attempts = await db.QuizAttempts.AsNoTracking().Where(a => a.UserId == userId && a.CourseId == course.Id).ToListAsync();
        var answers = await db.TaskAnswers.AsNoTracking().Where(a => a.UserId == userId && a.CourseId == course.Id).ToDictionaryAsync(a => a.TaskId);
        var completed = await db.CourseCompletions.AsNoTracking().SingleOrDefaultAsync(c => c.UserId == userId && c.CourseId == course.Id);
        return new CourseProgress(course, enrollment, lessons.ToHashSet(), attempts, answers, completed);
    }

    public async Task EnrolAsync(string userId, Course course)
    {
        if (!await db.Enrollments.AnyAsync(e => e.UserId == userId && e.CourseId == course.Id))
        {
            db.Enrollments.Add(new Enrollment { UserId = userId, CourseId = course.Id });
            await SaveIgnoringDuplicateAsync();
        }
    }

    /// <summary>
    /// Remembers where the participant is. Completion is re-checked here too: when a trainer removes the one
    /// lesson someone had left, opening any lesson completes the course.
    /// </summary>
    public async Task RecordVisitAsync(string userId, Course course, Lesson lesson)
    {
        await db.Enrollments.Where(e => e.UserId == userId && e.CourseId == course.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastLessonId, lesson.Id).SetProperty(e => e.LastActivityAtUtc, DateTime.UtcNow));
        await completion.TryCompleteAsync(userId, course, await LoadAsync(userId, course));
    }

    public async Task MarkLessonDoneAsync(string userId, Course course, Lesson lesson)
    {
        if (!await db.LessonCompletions.AnyAsync(l => l.UserId == userId && l.CourseId == course.Id && l.LessonId == lesson.Id))
        {
            db.LessonCompletions.Add(new LessonCompletion { UserId = userId, CourseId = course.Id, LessonId = lesson.Id });
            await SaveIgnoringDuplicateAsync();
        }

        await AfterChangeAsync(userId, course);
    }

    public async Task<QuizAttempt> SubmitQuizAsync(string userId, Course course, Quiz quiz, Func<string, IReadOnlyList<string>> answerOf)
    {
        var attempt = QuizScoring.Score(quiz, answerOf);
        attempt.UserId = userId;
        attempt.CourseId = course.Id;
        db.QuizAttempts.Add(attempt);
        await db.SaveChangesAsync();
        await AfterChangeAsync(userId, course);
        return attempt;
    }

    /// <summary>
    /// Saves a draft, or submits when <paramref name="submit"/> (the caller has checked the minimum length).
    /// Once submitted, only another submission replaces the text: a "save draft" would otherwise put a too-short
    /// text where the trainer reads the submitted one. Returns false when a draft was refused for that reason.
    /// </summary>
    public async Task<bool> SaveTaskAnswerAsync(string userId, Course course, CourseTask task, string text, bool submit)
    {
        for (var attempt = 1; ; attempt++)
        {
            var answer = await db.TaskAnswers.SingleOrDefaultAsync(a => a.UserId == userId && a.CourseId == course.Id && a.TaskId == task.Id);
            if (answer is { SubmittedAtUtc: not null } && !submit)
            {
                return false;
            }

            if (answer is null)
            {
                answer = new TaskAnswer { UserId = userId, CourseId = course.Id, TaskId = task.Id };
                db.TaskAnswers.Add(answer);
            }

            answer.Text = text;
            answer.SavedAtUtc = DateTime.UtcNow;
            if (submit)
            {
                answer.SubmittedAtUtc = DateTime.UtcNow;
            }

            try
            {
                await db.SaveChangesAsync();
                break;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // A double click inserted the first answer twice at once: the unique index kept one; update that one.
                db.ChangeTracker.Clear();
            }
        }

        await AfterChangeAsync(userId, course);
        return true;
    }

    private async Task AfterChangeAsync(string userId, Course course)
    {
        await db.Enrollments.Where(e => e.UserId == userId && e.CourseId == course.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastActivityAtUtc, DateTime.UtcNow));
        await completion.TryCompleteAsync(userId, course, await LoadAsync(userId, course));
    }

    /// <summary>A double click can send the same insert twice; the unique index keeps one and the second is dropped.</summary>
    private async Task SaveIgnoringDuplicateAsync()
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
    }
}
