using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RemoteGuidanceTraining.Web.Data;
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
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder.Path, "old.db")}");
        await connection.OpenAsync();
        await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connection).Options);
        var migrator = db.GetService<IMigrator>();
        var before = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_TaskReview", StringComparison.Ordinal)).Last();
        await migrator.MigrateAsync(before);
        await using (var insert = connection.CreateCommand())
        {
            // Answers only: the users they belong to do not matter to this migration.
            insert.CommandText = """
                PRAGMA foreign_keys = OFF;
                INSERT INTO "TaskAnswers" ("UserId", "CourseId", "TaskId", "Text", "SavedAtUtc", "SubmittedAtUtc", "Feedback", "FeedbackByUserId", "FeedbackAtUtc")
                VALUES ('u1', 'kurssi', 'kartta', 'Vastattu vastaus', '2026-10-01 10:00:00', '2026-10-01 10:00:00', 'Hyvä!', 't1', '2026-10-02 09:00:00'),
                       ('u2', 'kurssi', 'kartta', 'Odottava vastaus', '2026-10-03 10:00:00', '2026-10-03 10:00:00', NULL, NULL, NULL),
                       ('u3', 'kurssi', 'kartta', 'Luonnos', '2026-10-04 10:00:00', NULL, NULL, NULL, NULL);
                PRAGMA foreign_keys = ON;
                """;
            await insert.ExecuteNonQueryAsync();
        }

        await migrator.MigrateAsync();

        var answers = await db.TaskAnswers.AsNoTracking().OrderBy(a => a.UserId).ToListAsync();
        Assert.Equal([(TaskReviewState.Accepted, 1), (TaskReviewState.Submitted, 1), (TaskReviewState.Submitted, 0)],
            answers.Select(a => (a.ReviewState, a.VersionCount)));
        var versions = await db.TaskAnswerVersions.AsNoTracking().OrderBy(v => v.TaskAnswerId).ToListAsync();
        Assert.Equal([(answers[0].Id, 1, "Vastattu vastaus"), (answers[1].Id, 1, "Odottava vastaus")], versions.Select(v => (v.TaskAnswerId, v.Number, v.Text)));
        var feedback = Assert.Single(await db.TaskFeedbacks.AsNoTracking().ToListAsync());
        Assert.Equal((answers[0].Id, 1, "t1", TaskReviewState.Accepted, "Hyvä!"), (feedback.TaskAnswerId, feedback.VersionNumber, feedback.ByUserId, feedback.Decision, feedback.Text));
        Assert.Equal(new DateTime(2026, 10, 2, 9, 0, 0), feedback.GivenAtUtc);
    }
}
