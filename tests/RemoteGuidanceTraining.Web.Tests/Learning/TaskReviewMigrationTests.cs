using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Learning;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Learning;

/// <summary>
/// Answers written before the TaskReview migration keep their meaning: feedback given counts as accepted, and the
/// submitted text and its feedback become version 1 of the history. Runs the SQLite migrations on a file.
/// </summary>
public sealed class TaskReviewMigrationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task Earlier_answers_become_version_one_with_their_feedback_and_answered_ones_count_as_accepted()
    {
        await using var old = await DatabaseBeforeMigration.OpenAsync(Path.Combine(_folder.Path, "old.db"), "_TaskReview");
        // Answers only: the users they belong to do not matter to this migration.
        await old.ExecuteAsync("""
            PRAGMA foreign_keys = OFF;
            INSERT INTO "TaskAnswers" ("UserId", "CourseId", "TaskId", "Text", "SavedAtUtc", "SubmittedAtUtc", "Feedback", "FeedbackByUserId", "FeedbackAtUtc")
            VALUES ('u1', 'kurssi', 'kartta', 'Vastattu vastaus', '2026-10-01 10:00:00', '2026-10-01 10:00:00', 'Hyvä!', 't1', '2026-10-02 09:00:00'),
                   ('u2', 'kurssi', 'kartta', 'Odottava vastaus', '2026-10-03 10:00:00', '2026-10-03 10:00:00', NULL, NULL, NULL),
                   ('u3', 'kurssi', 'kartta', 'Luonnos', '2026-10-04 10:00:00', NULL, NULL, NULL, NULL);
            PRAGMA foreign_keys = ON;
            """);

        await old.MigrateRestAsync();

        var answers = await old.Db.TaskAnswers.AsNoTracking().OrderBy(a => a.UserId).ToListAsync();
        Assert.Equal([(TaskReviewState.Accepted, 1), (TaskReviewState.Submitted, 1), (TaskReviewState.Submitted, 0)],
            answers.Select(a => (a.ReviewState, a.VersionCount)));
        var versions = await old.Db.TaskAnswerVersions.AsNoTracking().OrderBy(v => v.TaskAnswerId).ToListAsync();
        Assert.Equal([(answers[0].Id, 1, "Vastattu vastaus"), (answers[1].Id, 1, "Odottava vastaus")], versions.Select(v => (v.TaskAnswerId, v.Number, v.Text)));
        var feedback = Assert.Single(await old.Db.TaskFeedbacks.AsNoTracking().ToListAsync());
        Assert.Equal((answers[0].Id, 1, "t1", TaskReviewState.Accepted, "Hyvä!"), (feedback.TaskAnswerId, feedback.VersionNumber, feedback.ByUserId, feedback.Decision, feedback.Text));
        Assert.Equal(new DateTime(2026, 10, 2, 9, 0, 0), feedback.GivenAtUtc);
    }
}
