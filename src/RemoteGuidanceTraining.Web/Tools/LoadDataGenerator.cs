using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Learning;
using RemoteGuidanceTraining.Web.Organisations;

namespace RemoteGuidanceTraining.Web.Tools;

/// <summary>
/// `generate-data --participants 10000 [--courses 3] [--into-existing-database]`: fills an empty database with participants spread over the first shipped courses with
/// realistic progress, for measuring reports. Not part of a normal start. Every generated person's password is
/// "generated-password". People belong to six organisations (made if missing) as an admin would have set them, and
/// certificates are issued as the site issues them, with their PDF, so a generated person can download theirs.
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
        var issuer = scope.ServiceProvider.GetRequiredService<CertificateIssuer>();
        if (courses.Count == 0)
        {
            await output.WriteLineAsync("No valid courses to enrol people in.");
            return 1;
        }

        var facts = courses.ToDictionary(c => c.Id, c => CompletionService.FactsOf(c, signer.For(c.Language)));
        var organisations = await OrganisationsAsync(db);

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
                    CreatedAtUtc = start,
                };
                Memberships.Set(user, organisations[org], MembershipSource.Admin);
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = participantRole.Id });
                var course = courses[i % courses.Count];
                AddProgress(db, user, course, facts[course.Id], random, start.AddDays(random.Next(0, 150)));
            }

            await db.SaveChangesAsync();
            AddQuizResults(db);
            FinishCertificates(db, issuer, facts);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            db.ChangeTracker.Clear();
            await output.WriteLineAsync($"{Math.Min(count, batch + 1000)} / {count}");
        }

        await output.WriteLineAsync($"Generated {Address(first)} – {Address(first + count - 1)}, password 'generated-password'.");
        return 0;
    }

    private static string Address(int number) => $"osallistuja{number}@example.fi";

    /// <summary>The organisations people are spread over, found by name or made (a second run finds the first run's).</summary>
    private static async Task<List<Organisation>> OrganisationsAsync(AppDbContext db)
    {
        var existing = await db.Organisations.Where(o => _organisations.Contains(o.Name)).ToListAsync();
        var all = _organisations.Select((name, i) => existing.FirstOrDefault(o => o.Name == name)
            ?? db.Organisations.Add(new Organisation { Name = name, Region = _regions[i] }).Entity).ToList();
        await db.SaveChangesAsync();
        return all;
    }

    /// <summary>
    /// This batch's certificates, saved and so numbered: their serial numbers, PDFs (rendered on every CPU: most of
    /// the run's time) and issue events, as <see cref="CertificateIssuer.IssueAsync"/> gives them. No mail is queued.
    /// </summary>
    private static void FinishCertificates(AppDbContext db, CertificateIssuer issuer, Dictionary<string, CourseFacts> facts)
    {
        var certificates = db.ChangeTracker.Entries<Certificate>().Select(e => e.Entity).ToList();
        Parallel.ForEach(certificates, c => issuer.Finish(c, facts[c.CourseId].Outcomes));
        foreach (var certificate in certificates)
        {
            db.Entry(certificate).State = EntityState.Modified;
            db.CertificateEvents.Add(new CertificateEvent { CertificateId = certificate.Id, Action = "Issued", AtUtc = certificate.IssuedAtUtc });
        }
    }

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
    private static void AddProgress(AppDbContext db, AppUser user, Course course, CourseFacts facts, Random random, DateTime enrolled)
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
            var certificate = CertificateIssuer.New(user, facts, activity);
            certificate.IssuedAtUtc = activity;
            db.Certificates.Add(certificate);
        }
    }
}
