using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>
/// Peer feedback on a `peer=N` task. After submitting, a participant is assigned N answers of others: first from
/// their own cohorts of the course, then from the whole course, each time the answers with the fewest reviewers
/// (then the longest waiting), never their own. Assignments are stored, so the same answers come back on reload,
/// and a participant who found too few answers gets more on a later visit. Every read and write is scoped to the
/// reviewer: an assignment id of someone else is "not found".
/// </summary>
public sealed class PeerFeedback(AppDbContext db, CompletionService completion, TimeProvider clock)
{
    /// <summary>The participant's assignments for the task, topped up to N when answers are available.</summary>
    public async Task<IReadOnlyList<PeerAssignment>> AssignmentsAsync(string userId, Course course, CourseTask task, CancellationToken cancellationToken)
    {
        var mine = await MineAsync(userId, course, task, cancellationToken);
        if (mine.Count >= task.Peer)
        {
            return mine;
        }

        return await AssignAsync(userId, course, task, task.Peer - mine.Count, cancellationToken) > 0
            ? await MineAsync(userId, course, task, cancellationToken)
            : mine;
    }

    /// <summary>Saves (or rewrites) feedback on one of the participant's own assignments; false when it is not theirs.</summary>
    public async Task<bool> GiveAsync(string userId, Course course, CourseTask task, int assignmentId, string text, CancellationToken cancellationToken)
    {
        // Feedback on an answer that is gone (its author deleted their account) is kept as it was given, not rewritten.
        var review = await db.PeerReviews.SingleOrDefaultAsync(
            p => p.Id == assignmentId && p.ReviewerUserId == userId && p.CourseId == course.Id && p.TaskId == task.Id && p.TaskAnswerId != null, cancellationToken);
        if (review is null)
        {
            return false;
        }

        review.Text = text;
        review.GivenAtUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        if (task.PeerRequired)
        {
            // The feedback is saved: the completion it may earn is not left for a later write to find.
            await completion.CompleteIfMetAsync(userId, course, CancellationToken.None);
        }

        return true;
    }

    private async Task<List<PeerAssignment>> MineAsync(string userId, Course course, CourseTask task, CancellationToken cancellationToken)
    {
        var shown = task.PeerNamesShown;
        return await (from p in db.PeerReviews.AsNoTracking()
                      where p.ReviewerUserId == userId && p.CourseId == course.Id && p.TaskId == task.Id
                      join a in db.TaskAnswers on p.TaskAnswerId equals a.Id into reviewed
                      from a in reviewed.DefaultIfEmpty()
                      join u in db.Users on a!.UserId equals u.Id into authors
                      from u in authors.DefaultIfEmpty()
                      orderby p.Id
                      select new PeerAssignment(p.Id, shown && u != null ? u.FullName : null, a != null ? a.Text : null, p.Text, p.GivenAtUtc)).ToListAsync(cancellationToken);
    }

    private async Task<int> AssignAsync(string userId, Course course, CourseTask task, int count, CancellationToken cancellationToken)
    {
        var myCohorts = db.CohortMembers.Where(m => m.UserId == userId && m.Status == CohortMemberStatus.Member && m.Cohort!.CourseId == course.Id)
            .Select(m => m.CohortId);
        var already = db.PeerReviews.Where(p => p.ReviewerUserId == userId && p.CourseId == course.Id && p.TaskId == task.Id).Select(p => p.TaskAnswerId);
        var picked = await db.TaskAnswers.AsNoTracking()
            .Where(a => a.CourseId == course.Id && a.TaskId == task.Id && a.SubmittedAtUtc != null && a.UserId != userId && !already.Contains((int?)a.Id))
            .Select(a => new
            {
                a.Id,
                a.SubmittedAtUtc,
                SameCohort = db.CohortMembers.Any(m => m.UserId == a.UserId && m.Status == CohortMemberStatus.Member && myCohorts.Contains(m.CohortId)),
                Reviewers = db.PeerReviews.Count(p => p.TaskAnswerId == a.Id),
            })
            .OrderByDescending(x => x.SameCohort).ThenBy(x => x.Reviewers).ThenBy(x => x.SubmittedAtUtc).ThenBy(x => x.Id)
            .Take(count).Select(x => x.Id).ToListAsync(cancellationToken);
        if (picked.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.PeerReviews.AddRange(picked.Select(id => new PeerReview { TaskAnswerId = id, ReviewerUserId = userId, CourseId = course.Id, TaskId = task.Id, AssignedAtUtc = now }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            // The same page loaded twice at once assigned these already; the unique index kept the first.
            db.ChangeTracker.Clear();
        }

        return picked.Count;
    }
}

/// <summary>One answer a participant is asked to comment on; <c>AuthorName</c> is null when the task hides names.</summary>
/// <summary>One answer to review. <paramref name="AnswerText"/> is null when the answer is gone (its author deleted their account).</summary>
public sealed record PeerAssignment(int Id, string? AuthorName, string? AnswerText, string? Feedback, DateTime? GivenAtUtc);
