using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Tools;

/// <summary>
/// `generate-data --participants 10000 [--courses 3] [--into-existing-database]`: fills an empty database with participants spread over the first shipped courses with
/// realistic progress, for measuring reports. Not part of a normal start. Every generated person's password is
/// "generated-password"; certificates get codes but a placeholder instead of a rendered PDF.
/// </summary>
public static class LoadDataGenerator
{
    public const string Name = "generate-data";

    private static readonly string[] _organisations =
        ["Lapin ammattiopisto", "Rovaniemen kaupunki", "Keski-Lapin työllisyyspalvelut", "Saamelaisalueen koulutuskeskus", "Oulun yliopisto", "Kainuun ohjaamo"];

    private static readonly string[] _regions = ["lappi", "lappi", "lappi", "saamelaisalue", "pohjois-pohjanmaa", "kainuu"];

    /// <summary>Without it only an empty database is filled: the generated people's password is in the README.</summary>
    public const string IntoExistingDatabase = "--into-existing-database";

    private const string Usage = $"Usage: {Name} [--participants <count>] [--courses <count>] [{IntoExistingDatabase}]";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output)
    {
        var (count, participantsProblem) = CountOption(args, "--participants", 10_000);
        var (courseCount, coursesProblem) = CountOption(args, "--courses", 3);
        if ((participantsProblem ?? coursesProblem) is { } problem)
        {
            await output.WriteLineAsync(problem);
            await output.WriteLineAsync(Usage);
            return 2;
        }

        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // The operator's environment may point at the production database: confirmed accounts with a published
        // password must not land there by accident.
        if (!args.Contains(IntoExistingDatabase) && await db.Users.CountAsync() is var accounts and > 0)
        {
            await output.WriteLineAsync($"Nothing generated: the database already has {accounts} account(s), and every generated person's password is "
                + $"'generated-password'. {Name} is for an empty load-test database; add {IntoExistingDatabase} to fill this one anyway.");
            return 1;
        }

        var courses = scope.ServiceProvider.GetRequiredService<CatalogHolder>().Current.Courses.Take(courseCount).ToList();
        var signer = scope.ServiceProvider.GetRequiredService<CertificateSigner>();
        if (courses.Count == 0)
        {
            await output.WriteLineAsync("No valid courses to enrol people in.");
            return 1;
        }

        // A second run into the same database continues the numbering: the addresses are unique.
        var first = await FirstFreeNumberAsync(db);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var random = new Random(20261124);
        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), "generated-password");
        var participantRole = await db.Roles.SingleAsync(r => r.Name == Roles.Participant);
        var start = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddDays(-200);
        for (var batch = 0; batch < count; batch += 1000)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var i = batch; i < Math.Min(count, batch + 1000); i++)
            {
                var org = random.Next(_organisations.Length);
                var number = first + i;
                var user = new AppUser
                {
                    UserName = Address(number), NormalizedUserName = Address(number).ToUpperInvariant(),
                    Email = Address(number), NormalizedEmail = Address(number).ToUpperInvariant(), EmailConfirmed = true,
                    PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"), FullName = $"Osallistuja {number} Äijälä",
                    Organisation = _organisations[org], Region = _regions[org], CreatedAtUtc = start,
                };
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = participantRole.Id });
                AddProgress(db, user, courses[i % courses.Count], signer, random, start.AddDays(random.Next(0, 150)));
            }

            await db.SaveChangesAsync();
            AddQuizResults(db);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            db.ChangeTracker.Clear();
            await output.WriteLineAsync($"{Math.Min(count, batch + 1000)} / {count}");
        }

        await output.WriteLineAsync($"Generated {Address(first)} – {Address(first + count - 1)}, password 'generated-password'.");
        return 0;
    }

    private static string Address(int number) => $"osallistuja{number}@example.fi";

    /// <summary>One more than the highest number a run has given (0 for a database without generated people).</summary>
    private static async Task<int> FirstFreeNumberAsync(AppDbContext db)
    {
        var generated = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName!.StartsWith("OSALLISTUJA") && u.NormalizedUserName.EndsWith("@EXAMPLE.FI"))
            .Select(u => u.NormalizedUserName!).ToListAsync();
        return generated.Select(n => int.TryParse(n["OSALLISTUJA".Length..^"@EXAMPLE.FI".Length], out var number) ? number + 1 : 0).DefaultIfEmpty(0).Max();
    }

    /// <summary>The whole number after the option, or the default without it; anything else is a usage error, not a FormatException.</summary>
    private static (int Value, string? Problem) CountOption(IReadOnlyList<string> args, string option, int defaultValue)
    {
        var at = args.ToList().IndexOf(option);
        if (at < 0)
        {
            return (defaultValue, null);
        }

        var text = at + 1 < args.Count ? args[at + 1] : null;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? (value, null)
            : (0, $"{option} takes a whole number above zero, not '{text}'.");
    }

    /// <summary>The result rows the site keeps next to attempts, from this batch's saved attempts (their ids are known now).</summary>
    private static void AddQuizResults(AppDbContext db)
    {
        var attempts = db.ChangeTracker.Entries<QuizAttempt>().Select(e => e.Entity).ToList();
        foreach (var quiz in attempts.GroupBy(a => (a.UserId, a.CourseId, a.QuizId, a.QuizHash)))
        {
            var last = quiz.MaxBy(a => a.Id)!;
            db.QuizResults.Add(new QuizResult
            {
                UserId = last.UserId, CourseId = last.CourseId, QuizId = last.QuizId, QuizHash = last.QuizHash,
                BestScorePercent = quiz.Max(a => a.ScorePercent), Passed = quiz.Any(a => a.Passed), LastAttemptId = last.Id,
                Attempts = quiz.Count(), LastAtUtc = last.SubmittedAtUtc,
            });
        }
    }

    /// <summary>About a fifth never start, two fifths stop part-way, the rest complete.</summary>
    private static void AddProgress(AppDbContext db, AppUser user, Course course, CertificateSigner signer, Random random, DateTime enrolled)
    {
        var lessons = course.Lessons.ToList();
        var roll = random.NextDouble();
        var reached = roll < 0.2 ? 0 : roll < 0.6 ? random.Next(1, lessons.Count) : lessons.Count;
        var activity = enrolled.AddDays(reached * 0.7);
        db.Enrollments.Add(new Enrollment { UserId = user.Id, CourseId = course.Id, EnrolledAtUtc = enrolled, LastActivityAtUtc = activity, LastLessonId = reached > 0 ? lessons[reached - 1].Id : null });
        foreach (var lesson in lessons.Take(reached))
        {
            db.LessonCompletions.Add(new LessonCompletion { UserId = user.Id, CourseId = course.Id, LessonId = lesson.Id, CompletedAtUtc = activity });
            foreach (var quiz in lesson.Quizzes)
            {
                var score = random.Next(60, 101);
                db.QuizAttempts.Add(new QuizAttempt { UserId = user.Id, CourseId = course.Id, QuizId = quiz.Id, QuizHash = quiz.ContentHash, Correct = quiz.Questions.Count * score / 100, Total = quiz.Questions.Count, ScorePercent = score, Passed = score >= quiz.PassMark, SubmittedAtUtc = activity });
                if (score < quiz.PassMark || reached == lessons.Count)
                {
                    db.QuizAttempts.Add(new QuizAttempt { UserId = user.Id, CourseId = course.Id, QuizId = quiz.Id, QuizHash = quiz.ContentHash, Correct = quiz.Questions.Count, Total = quiz.Questions.Count, ScorePercent = 100, Passed = true, SubmittedAtUtc = activity });
                }
            }

            foreach (var task in lesson.Tasks)
            {
                db.TaskAnswers.Add(new TaskAnswer { UserId = user.Id, CourseId = course.Id, TaskId = task.Id, Text = "Generoitu vastaus.", SavedAtUtc = activity, SubmittedAtUtc = activity });
            }
        }

        if (reached == lessons.Count)
        {
            db.CourseCompletions.Add(new CourseCompletion { UserId = user.Id, CourseId = course.Id, CompletedAtUtc = activity, ContentVersion = course.Version });
            db.Certificates.Add(new Certificate
            {
                UserId = user.Id, CourseId = course.Id, VerificationCode = VerificationCodes.New(), SerialNumber = "GEN-" + user.Id[..8],
                FullName = user.FullName, CourseTitle = course.Title, Credits = course.Credits, Hours = course.Hours, CompletedAtUtc = activity,
                CompletedOn = DateOnly.FromDateTime(activity), IssuerName = signer.For(course.Language).IssuerName, SignatoryName = signer.For(course.Language).SignatoryName, ContentVersion = course.Version,
                Pdf = [], PdfSha256 = "generated",
            });
        }
    }
}
