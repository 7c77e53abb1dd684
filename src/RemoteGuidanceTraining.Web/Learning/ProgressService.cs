using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>
/// Reads and records one participant's progress. Every write re-checks completion at once, so a course is completed
/// (and its certificate issued) in the same request that meets the last requirement. Reading a lesson writes at most
/// the "last visited" lesson, and only when it changes; completions a content change makes possible are found by
/// <see cref="CompletionSweep"/> when the catalog changes.
/// The request's token cancels the reads and the participant's own write; once that write is saved, what follows from
/// it (the activity time and a completion with its certificate and mail) runs to the end with no token, so an
/// abandoned request never leaves a recorded answer without the completion it earned.
/// </summary>
public sealed class ProgressService(AppDbContext db, ProgressReader reader, CompletionService completion, TimeProvider time)
{
    /// <summary>Summary progress in one course: states and percent, no scores or texts.</summary>
    public Task<CourseProgress> LoadAsync(string userId, Course course, CancellationToken cancellationToken = default) =>
        reader.SummaryAsync(userId, course, cancellationToken);

    /// <summary>What a lesson page shows: this lesson's state, attempts and answers (see <see cref="ProgressReader.LessonAsync"/>).</summary>
    public Task<CourseProgress> LoadLessonAsync(string userId, Course course, Lesson lesson, CancellationToken cancellationToken = default) =>
        reader.LessonAsync(userId, course, lesson, cancellationToken);

    /// <summary>Whether the person is enrolled in the course of this id, loaded or not.</summary>
    public Task<bool> IsEnrolledAsync(string userId, string courseId, CancellationToken cancellationToken = default) =>
        db.Enrollments.AnyAsync(e => e.UserId == userId && e.CourseId == courseId, cancellationToken);

    /// <summary>
    /// The course of this id when it is not served (its files failed to load, or its folder was removed) and the
    /// person is enrolled in it; null for anyone else, so a broken draft's id is not revealed. Costs a query only
    /// when no loaded course has the id.
    /// </summary>
    public async Task<UnavailableCourse?> EnrolledInUnavailableAsync(CourseCatalog catalog, string? userId, string? courseId, CancellationToken cancellationToken = default) =>
        catalog.Unserved(courseId) is { } unavailable && userId is not null
            && await IsEnrolledAsync(userId, unavailable.Id, cancellationToken) ? unavailable : null;

    public async Task EnrolAsync(string userId, Course course, CancellationToken cancellationToken)
    {
        if (!await IsEnrolledAsync(userId, course.Id, cancellationToken))
        {
            db.Enrollments.Add(new Enrollment { UserId = userId, CourseId = course.Id });
            await SaveIgnoringDuplicateAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Remembers where the participant is ("continue where you left off"): one small update, and none when they
    /// reopen the lesson they were already on, so reading stays free of the database write lock.
    /// </summary>
    public async Task RecordVisitAsync(string userId, Course course, Lesson lesson, CourseProgress progress, CancellationToken cancellationToken = default)
    {
        if (progress.Enrollment is { } enrollment && enrollment.LastLessonId != lesson.Id)
        {
            var now = time.GetUtcNow().UtcDateTime;
            await db.Enrollments.Where(e => e.UserId == userId && e.CourseId == course.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastLessonId, lesson.Id).SetProperty(e => e.LastActivityAtUtc, now), cancellationToken);
        }
    }

    /// <summary>Records the lesson as read; true when that completed the course (see <see cref="AfterChangeAsync"/>).</summary>
    public async Task<bool> MarkLessonDoneAsync(string userId, Course course, Lesson lesson, bool alreadyDone, CancellationToken cancellationToken)
    {
        if (!alreadyDone)
        {
            db.LessonCompletions.Add(new LessonCompletion { UserId = userId, CourseId = course.Id, LessonId = lesson.Id });
            await SaveIgnoringDuplicateAsync(cancellationToken);
        }

        return await AfterChangeAsync(userId, course, lesson);
    }

    /// <summary>
    /// Records an attempt and the participant's result for the quiz; <paramref name="resultExists"/> says whether they
    /// had tried this version before. CompletedCourse: this attempt met the course's last requirement.
    /// </summary>
    public async Task<(QuizAttempt Attempt, bool CompletedCourse)> SubmitQuizAsync(string userId, Course course, Quiz quiz, Func<string, IReadOnlyList<string>> answerOf,
        Lesson? lesson, bool resultExists, CancellationToken cancellationToken)
    {
        var attempt = QuizScoring.Score(quiz, answerOf);
        attempt.UserId = userId;
        attempt.CourseId = course.Id;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.QuizAttempts.Add(attempt);
            await db.SaveChangesAsync(cancellationToken);
            await RecordResultAsync(attempt, resultExists, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return (attempt, await AfterChangeAsync(userId, course, lesson));
    }

    /// <summary>
    /// Folds the new attempt into the participant's result for this quiz version: one update, or one insert for the
    /// first attempt (the caller knows from the page's read whether there was one). Should that guess be wrong – two
    /// first attempts at once, a double click – the primary key or the missing row sends it the other way.
    /// </summary>
    private async Task RecordResultAsync(QuizAttempt attempt, bool resultExists, CancellationToken cancellationToken)
    {
        var (score, passed, id, at) = (attempt.ScorePercent, attempt.Passed, attempt.Id, time.GetUtcNow().UtcDateTime);
        var result = db.QuizResults.Where(r => r.UserId == attempt.UserId && r.CourseId == attempt.CourseId
            && r.QuizId == attempt.QuizId && r.QuizHash == attempt.QuizHash);
        Task<int> UpdateAsync() => result.ExecuteUpdateAsync(s => s
            .SetProperty(r => r.BestScorePercent, r => r.BestScorePercent > score ? r.BestScorePercent : score)
            .SetProperty(r => r.Passed, r => r.Passed || passed)
            .SetProperty(r => r.LastAttemptId, id)
            .SetProperty(r => r.Attempts, r => r.Attempts + 1)
            .SetProperty(r => r.LastAtUtc, at), cancellationToken);

        if (resultExists && await UpdateAsync() > 0)
        {
            return;
        }

        db.QuizResults.Add(new QuizResult
        {
            UserId = attempt.UserId, CourseId = attempt.CourseId, QuizId = attempt.QuizId, QuizHash = attempt.QuizHash,
            BestScorePercent = score, Passed = passed, LastAttemptId = id, Attempts = 1, LastAtUtc = at,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            // Another attempt of the same person wrote the result first: add this one to it.
            db.ChangeTracker.Clear();
            await UpdateAsync();
        }
    }

    /// <summary>
    /// Saves a draft, or submits when <paramref name="submit"/> (the caller has checked the minimum length).
    /// Once submitted, only another submission replaces the text: a "save draft" would otherwise put a too-short
    /// text where the trainer reads the submitted one. Every submission is kept as a numbered version; one after
    /// feedback waits for the trainer again. An answer a trainer accepted on a `review=required` task is final.
    /// CompletedCourse: this submission met the course's last requirement.
    /// </summary>
    public async Task<(TaskSaveOutcome Outcome, bool CompletedCourse)> SaveTaskAnswerAsync(string userId, Course course, CourseTask task, string text, bool submit,
        Lesson? lesson, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var answer = await db.TaskAnswers.SingleOrDefaultAsync(a => a.UserId == userId && a.CourseId == course.Id && a.TaskId == task.Id, cancellationToken);
            if (answer is { SubmittedAtUtc: not null, ReviewState: TaskReviewState.Accepted } && task.ReviewRequired)
            {
                return (TaskSaveOutcome.Accepted, false);
            }

            if (answer is { SubmittedAtUtc: not null } && !submit)
            {
                return (TaskSaveOutcome.AlreadySubmitted, false);
            }

            if (answer is null)
            {
                answer = new TaskAnswer { UserId = userId, CourseId = course.Id, TaskId = task.Id };
                db.TaskAnswers.Add(answer);
            }

            var now = time.GetUtcNow().UtcDateTime;
            answer.Text = text;
            answer.SavedAtUtc = now;
            if (submit)
            {
                // Not yet answered stays new; anything after feedback is a resubmission the trainer reads again.
                answer.ReviewState = answer.ReviewState == TaskReviewState.Submitted ? TaskReviewState.Submitted : TaskReviewState.Resubmitted;
                answer.SubmittedAtUtc = now;
                answer.VersionCount++;
                db.TaskAnswerVersions.Add(new TaskAnswerVersion { Answer = answer, Number = answer.VersionCount, Text = text, SubmittedAtUtc = now });
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                break;
            }
            catch (DbUpdateException error) when (attempt == 1 && error.IsUniqueViolation())
            {
                // A double click inserted the first answer (or version) twice at once: the unique index kept one; try again on that one.
                db.ChangeTracker.Clear();
            }
        }

        return (TaskSaveOutcome.Saved, await AfterChangeAsync(userId, course, lesson));
    }

    /// <summary>
    /// One update for the activity time, one counting query for completion (and, only when met, the completion itself).
    /// True when this change completed the course: the count finds no completion before it, so a course completed
    /// earlier is never announced again. Not cancellable: the change it follows is already saved.
    /// </summary>
    private async Task<bool> AfterChangeAsync(string userId, Course course, Lesson? lesson)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var enrolments = db.Enrollments.Where(e => e.UserId == userId && e.CourseId == course.Id);
        if (lesson is null)
        {
            await enrolments.ExecuteUpdateAsync(s => s.SetProperty(e => e.LastActivityAtUtc, now), CancellationToken.None);
        }
        else
        {
            await enrolments.ExecuteUpdateAsync(s => s.SetProperty(e => e.LastActivityAtUtc, now).SetProperty(e => e.LastLessonId, lesson.Id), CancellationToken.None);
        }

        return await completion.CompleteIfMetAsync(userId, course, CancellationToken.None) is not null;
    }

    /// <summary>A double click can send the same insert twice; the unique index keeps one and the second is dropped.</summary>
    private async Task SaveIgnoringDuplicateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
        }
    }
}

public enum TaskSaveOutcome
{
    Saved,

    /// <summary>A draft over a submitted answer: refused so the trainer keeps reading what was submitted.</summary>
    AlreadySubmitted,

    /// <summary>The trainer has accepted the answer of a `review=required` task: it is final.</summary>
    Accepted,
}
