using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Data.Postgres;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace RemoteGuidanceTraining.Web.Tests.Instances;

/// <summary>
/// The scale-out acceptance test: one PostgreSQL, two site processes on different ports, a real SMTP server
/// (aiosmtpd). Participants complete a short course with every request sent to a random instance; halfway through
/// one instance is killed with SIGKILL and started again. Afterwards every participant has exactly one completion
/// and one certificate, and every certificate mail arrived (duplicates, counted by Message-Id, are only possible
/// for a send the kill cut short, and are reported). Needs PostgreSQL: tests/run.sh runs it in its PostgreSQL run.
/// </summary>
[Trait("Category", Category)]
public sealed class TwoInstanceAcceptanceTests(ITestOutputHelper output)
{
    public const string Category = "TwoInstances";

    /// <summary>200 by default; RGT_TWO_INSTANCE_PARTICIPANTS changes it (e.g. on a slow shared machine).</summary>
    private static readonly int Participants =
        int.TryParse(Environment.GetEnvironmentVariable("RGT_TWO_INSTANCE_PARTICIPANTS"), out var count) && count >= 2 ? count : 200;

    private const int AtOnce = 8;

    private int _retries;

    [Fact]
    public async Task Two_site_processes_one_killed_and_restarted_midway_complete_every_participant_once_and_lose_no_certificate_mail()
    {
        Assert.True(TestDatabase.IsPostgres, $"This test needs PostgreSQL: tests/run.sh starts a throwaway one and sets {TestDatabase.Variable}.");
        var clock = Stopwatch.StartNew();
        using var courses = new TempFolder();
        ShortCourse.WriteTo(courses.Path);
        using var database = new TempFolder(); // names the test database, which is dropped with it
        using var smtp = new SmtpTestServer();
        await smtp.StartAsync();
        using var dataA = new TempFolder();
        using var dataB = new TempFolder();
        var connectionString = TestDatabase.ConnectionString(database.Path);
        using var a = new SiteProcess(SmtpTestServer.FreePort(), Settings(dataA.Path, connectionString, courses.Path, smtp.Port));
        using var b = new SiteProcess(SmtpTestServer.FreePort(), Settings(dataB.Path, connectionString, courses.Path, smtp.Port));

        // Both start at the same moment on an empty database: the migration lock lets one migrate, the other waits.
        await Task.WhenAll(a.StartAsync(), b.StartAsync());
        var started = clock.Elapsed;
        var emails = await CreateParticipantsAsync(connectionString);
        SiteProcess[] sites = [a, b];

        var completed = 0;
        var killedAfter = 0;
        var restartTook = TimeSpan.Zero;
        Task restart = Task.CompletedTask;
        await Parallel.ForEachAsync(emails, new ParallelOptions { MaxDegreeOfParallelism = AtOnce }, async (email, _) =>
        {
            await CompleteCourseAsync(email, sites);
            if (Interlocked.Increment(ref completed) == Participants / 2)
            {
                b.Kill();
                killedAfter = Participants / 2;
                restart = Task.Run(async () =>
                {
                    var down = Stopwatch.StartNew();
                    await b.StartAsync();
                    restartTook = down.Elapsed;
                });
            }
        });
        await restart;
        var courseRun = clock.Elapsed - started;

        await using var db = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connectionString).Options);
        // The figures below say what was missing if the mail has not all arrived by then.
        await Eventually.WithinAsync(async () =>
            !await db.OutboxMessages.AnyAsync(m => m.SentAtUtc == null && m.FailedAtUtc == null) && MailFiles(smtp) >= Participants,
            timeoutMs: 180_000, pollMs: 500);

        var completions = await db.CourseCompletions.CountAsync(c => c.CourseId == ShortCourse.Id);
        var certificates = await db.Certificates.CountAsync(c => c.CourseId == ShortCourse.Id);
        var perUser = await db.CourseCompletions.GroupBy(c => c.UserId).CountAsync(g => g.Count() > 1);
        var failedMail = await db.OutboxMessages.CountAsync(m => m.FailedAtUtc != null);
        var mails = smtp.Messages().Where(m => m.Attachments.Any()).ToList();
        var byMessageId = mails.GroupBy(m => m.MessageId).ToList();
        var recipients = mails.Select(m => m.To.Mailboxes.Single().Address.ToLowerInvariant()).ToHashSet();
        var lost = emails.Count(e => !recipients.Contains(e));
        var duplicates = byMessageId.Where(g => g.Count() > 1).Select(g => $"{g.Key} x{g.Count()}").ToList();

        var figures = $"Two-instance run: {Participants} participants ({AtOnce} at a time, each request to a random instance), "
            + $"{completions} completions, {certificates} certificates, {byMessageId.Count} distinct certificate mails received "
            + $"({mails.Count} in all: {lost} lost, {duplicates.Count} duplicated{(duplicates.Count > 0 ? ": " + string.Join(", ", duplicates) : "")}), "
            + $"{failedMail} failed; instance B killed with SIGKILL after {killedAfter} completions and answering again {restartTook.TotalSeconds:F1} s later; "
            + $"{_retries} requests retried on the other instance; start {started.TotalSeconds:F1} s, course {courseRun.TotalSeconds:F1} s, "
            + $"total {clock.Elapsed.TotalSeconds:F1} s.";
        output.WriteLine(figures);

        Assert.True(killedAfter > 0, "The instance was never killed.");
        Assert.Equal(Participants, completions);
        Assert.Equal(0, perUser);
        Assert.Equal(Participants, certificates);
        Assert.Equal(0, lost);
        Assert.Equal(Participants, byMessageId.Count);
        Assert.Equal(0, failedMail);
        // Only a send cut by the kill may be repeated: at most the one batch the killed dispatcher held.
        Assert.True(duplicates.Count <= 20, figures);
    }

    private static Dictionary<string, string?> Settings(string dataFolder, string connectionString, string coursesFolder, int smtpPort)
    {
        var settings = SiteProcess.SmtpSettings(smtpPort);
        settings["App:DataFolder"] = dataFolder;
        settings["Database:Provider"] = "Postgres";
        settings["ConnectionStrings:Default"] = connectionString;
        settings["Courses:Folder"] = coursesFolder;
        settings["Courses:Watch"] = "false";
        // A killed instance's claimed mail is due again after this. It must outlast sending a batch, or a slow
        // instance's claims run out under it and another instance sends the same mail (5 s was too short on a
        // heavily loaded machine: 45 duplicates).
        settings["Mail:LeaseSeconds"] = "30";
        // All participants come from 127.0.0.1; the per-address sign-in limit is tested elsewhere.
        settings["Security:SignInAttemptsPerMinute"] = "100000";
        return settings;
    }

    /// <summary>Confirmed participants written straight to the database, sharing one password hash to save time.</summary>
    private static async Task<List<string>> CreateParticipantsAsync(string connectionString)
    {
        await using var db = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connectionString).Options);
        var participantRole = await db.Roles.Where(r => r.Name == "Participant").Select(r => r.Id).SingleAsync();
        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), TestUsers.Password);
        var emails = Enumerable.Range(1, Participants).Select(i => $"osallistuja{i:D3}@example.fi").ToList();
        foreach (var email in emails)
        {
            var user = new AppUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, FullName = "Osallistuja " + email[11..14], PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = participantRole });
        }

        await db.SaveChangesAsync();
        return emails;
    }

    /// <summary>Sign in, enrol, pass the quiz, mark the lesson done: each form fetched from and posted to a random instance.</summary>
    private async Task CompleteCourseAsync(string email, SiteProcess[] sites)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(TestCertificate.Handler(cookies)) { Timeout = TimeSpan.FromSeconds(30) };
        await PostAsync(client, sites, "/Account/Login", "/Account/Login",
            new() { ["Input.Email"] = email, ["Input.Password"] = TestUsers.Password });
        await PostAsync(client, sites, $"/courses/{ShortCourse.Id}", $"/courses/{ShortCourse.Id}?handler=Enrol", []);
        await PostAsync(client, sites, ShortCourse.LessonPath, $"{ShortCourse.LessonPath}?handler=Quiz",
            new() { ["quizId"] = "kanavavisa", ["q.synkroninen"] = "b" });
        await PostAsync(client, sites, ShortCourse.LessonPath, $"{ShortCourse.LessonPath}?handler=Done", []);
    }

    /// <summary>
    /// A request that meets the killed instance fails (refused, or cut mid-way) and is tried again on a random
    /// instance, as a load balancer or a person pressing the button again would. Every step is safe to repeat.
    /// </summary>
    private async Task PostAsync(HttpClient client, SiteProcess[] sites, string formPath, string postPath, Dictionary<string, string> fields)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var response = await client.PostFormAsync(Pick(sites) + postPath, fields, formUrl: Pick(sites) + formPath);
                if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/Account/Login", StringComparison.Ordinal) != true)
                {
                    return;
                }

                throw new InvalidOperationException($"{postPath} answered {(int)response.StatusCode} {response.Headers.Location}");
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException && attempt < 60)
            {
                Interlocked.Increment(ref _retries);
                await Task.Delay(100);
            }
        }
    }

    private static string Pick(SiteProcess[] sites) => sites[Random.Shared.Next(sites.Length)].BaseUrl;

    private static int MailFiles(SmtpTestServer smtp) => smtp.MessageFileCount();
}
