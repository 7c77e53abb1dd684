using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Data.Postgres;
using RemoteGuidanceTraining.Web.Learning;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Learning;

/// <summary>An upgrade from a version without quiz results gives every earlier attempt its result, on either provider.</summary>
public sealed class QuizResultMigrationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        TestDatabase.Release(_folder.Path);
        _folder.Dispose();
    }

    [Fact]
    public async Task Upgrading_gives_the_attempts_made_before_it_their_best_score_and_last_attempt()
    {
        await using var db = Context();
        var migrations = db.Database.GetMigrations().ToList();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_QuizResults", StringComparison.Ordinal)) - 1]);

        // The person as the older schema has her, in SQL: the model's AppUser has columns added by later migrations.
        const string userId = "pia";
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "AspNetUsers" ("Id", "UserName", "Email", "AccessFailedCount", "CreatedAtUtc", "EmailConfirmed", "FullName", "LockoutEnabled", "PhoneNumberConfirmed", "PreferredLanguage", "TwoFactorEnabled")
            VALUES ('pia', 'p@example.fi', 'p@example.fi', 0, '2026-10-01 10:00:00', TRUE, 'Pia', TRUE, FALSE, 'fi', FALSE)
            """);
        var at = new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);
        foreach (var (quiz, score, minutes) in new[] { ("visa", 60, 1), ("visa", 100, 2), ("visa", 40, 3), ("toinen", 50, 4) })
        {
            db.QuizAttempts.Add(new QuizAttempt
            {
                UserId = userId, CourseId = "kurssi", QuizId = quiz, QuizHash = "h-" + quiz, ScorePercent = score, Passed = score >= 80,
                SubmittedAtUtc = at.AddMinutes(minutes),
            });
        }

        await db.SaveChangesAsync();
        await migrator.MigrateAsync();

        var results = await db.QuizResults.AsNoTracking().OrderBy(r => r.QuizId).ToListAsync();
        var lastVisa = await db.QuizAttempts.Where(a => a.QuizId == "visa").MaxAsync(a => a.Id);
        Assert.Equal(2, results.Count);
        Assert.Equal(("toinen", 50, false, 1), (results[0].QuizId, results[0].BestScorePercent, results[0].Passed, results[0].Attempts));
        Assert.Equal(("visa", 100, true, 3, lastVisa), (results[1].QuizId, results[1].BestScorePercent, results[1].Passed, results[1].Attempts, results[1].LastAttemptId));
        Assert.Equal(at.AddMinutes(3), results[1].LastAtUtc);
    }

    private AppDbContext Context() => TestDatabase.IsPostgres
        ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(TestDatabase.ConnectionString(_folder.Path)).Options)
        : new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={Path.Combine(_folder.Path, "app.db")}").Options);
}
