using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>
/// Keeps each stored quiz result's "passed" in step with the quiz's pass mark as the course now sets it. A changed
/// pass mark keeps the results (the questions are the same, so the quiz's hash is too) but changes what passes. The
/// pages, completion and the reports all read the stored flag, so <see cref="CompletionSweep"/> runs this after every
/// catalog change, before it looks for people who now meet everything. A course already completed stays completed.
/// </summary>
public sealed class QuizPassMarks(AppDbContext db)
{
    /// <summary>Re-judges the course's current quiz results; one statement per distinct pass mark. Returns how many changed.</summary>
    public async Task<int> ApplyAsync(Course course, CancellationToken cancellationToken = default)
    {
        var changed = 0;
        foreach (var sameMark in course.Quizzes.GroupBy(q => q.PassMark))
        {
            var mark = sameMark.Key;
            var hashes = sameMark.Select(q => q.ContentHash).ToList();
            changed += await db.QuizResults
                .Where(r => r.CourseId == course.Id && hashes.Contains(r.QuizHash) && r.Passed != (r.BestScorePercent >= mark))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Passed, r => r.BestScorePercent >= mark), cancellationToken);
        }

        return changed;
    }
}
