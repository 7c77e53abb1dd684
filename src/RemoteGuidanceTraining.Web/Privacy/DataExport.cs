using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Audit;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Privacy;

/// <summary>
/// "My data": everything the site holds about one person as a ZIP of my-data.json, README.txt and the
/// certificate PDFs. Only rows keyed by the person's own id (or mail about their own records) are read.
/// The format is described in README.txt inside the ZIP and in the project README.
/// </summary>
public sealed class DataExport(AppDbContext db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock)
{
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Readable Finnish and Swedish letters; the file is a download, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Every stored time is UTC, but SQLite gives it back without a zone: written as such, a program opening the file
        // would read it as local time.
        Converters = { new UtcTimes() },
    };

    /// <summary>Writes every time with its Z, as UTC: the site stores no other kind.</summary>
    private sealed class UtcTimes : System.Text.Json.Serialization.JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTime().ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime());
    }

    public async Task<byte[]> CreateZipAsync(AppUser user, CancellationToken cancellationToken = default)
    {
        var id = user.Id;
        var certificates = await db.Certificates.AsNoTracking().Where(c => c.UserId == id).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var data = new
        {
            format = "remote-guidance-training/my-data",
            formatVersion = FormatVersion,
            exportedAtUtc = clock.GetUtcNow().UtcDateTime,
            profile = new
            {
                id,
                email = user.Email,
                emailConfirmed = user.EmailConfirmed,
                fullName = user.FullName,
                organisation = user.Organisation,
                organisationVerifiedBy = user.MembershipSource,
                selfReportedOrganisation = user.SelfReportedOrganisation,
                region = user.Region,
                preferredLanguage = user.PreferredLanguage,
                createdAtUtc = user.CreatedAtUtc,
                roles = await users.GetRolesAsync(user),
            },
            enrolments = await db.Enrollments.AsNoTracking().Where(e => e.UserId == id).OrderBy(e => e.Id)
                .Select(e => new { e.CourseId, e.EnrolledAtUtc, e.LastActivityAtUtc, e.LastLessonId }).ToListAsync(cancellationToken),
            lessonsDone = await db.LessonCompletions.AsNoTracking().Where(l => l.UserId == id).OrderBy(l => l.Id)
                .Select(l => new { l.CourseId, l.LessonId, l.CompletedAtUtc }).ToListAsync(cancellationToken),
            quizAttempts = (await db.QuizAttempts.AsNoTracking().Where(q => q.UserId == id).OrderBy(q => q.Id).ToListAsync(cancellationToken))
                .Select(q => new { q.CourseId, q.QuizId, q.SubmittedAtUtc, q.Correct, q.Total, q.ScorePercent, q.Passed, answers = Parse(q.AnswersJson) }),
            taskAnswers = await db.TaskAnswers.AsNoTracking().Where(a => a.UserId == id).OrderBy(a => a.Id)
                .Select(a => new
                {
                    a.CourseId, a.TaskId, a.Text, a.SavedAtUtc, a.SubmittedAtUtc, a.Feedback, a.FeedbackAtUtc, reviewState = a.ReviewState.ToString(),
                    versions = db.TaskAnswerVersions.Where(v => v.TaskAnswerId == a.Id).OrderBy(v => v.Number).Select(v => new { v.Number, v.Text, v.SubmittedAtUtc }).ToList(),
                    feedbackHistory = db.TaskFeedbacks.Where(f => f.TaskAnswerId == a.Id).OrderBy(f => f.Id)
                        .Select(f => new { f.VersionNumber, decision = f.Decision.ToString(), f.Text, f.CriteriaJson, f.GivenAtUtc }).ToList(),
                    // Peer feedback received: the text about the person's answer, not who wrote it (that is the reviewer's data).
                    peerFeedbackReceived = db.PeerReviews.Where(p => p.TaskAnswerId == a.Id && p.GivenAtUtc != null).OrderBy(p => p.Id)
                        .Select(p => new { p.Text, p.GivenAtUtc }).ToList(),
                }).ToListAsync(cancellationToken),
            peerFeedbackGiven = await db.PeerReviews.AsNoTracking().Where(p => p.ReviewerUserId == id && p.GivenAtUtc != null).OrderBy(p => p.Id)
                .Select(p => new { p.CourseId, p.TaskId, p.Text, p.AssignedAtUtc, p.GivenAtUtc }).ToListAsync(cancellationToken),
            courseCompletions = await db.CourseCompletions.AsNoTracking().Where(c => c.UserId == id).OrderBy(c => c.Id)
                .Select(c => new { c.CourseId, c.CompletedAtUtc, c.ContentVersion }).ToListAsync(cancellationToken),
            cohorts = await db.CohortMembers.AsNoTracking().Where(m => m.UserId == id).OrderBy(m => m.Id)
                .Select(m => new { cohort = m.Cohort!.Name, m.Cohort.CourseId, status = m.Status.ToString(), m.InvitedName, m.AddedAtUtc, m.InvitedAtUtc, m.AcceptedAtUtc })
                .ToListAsync(cancellationToken),
            certificates = certificates.Select(c => new
            {
                c.SerialNumber, c.VerificationCode, c.CourseId, c.CourseTitle, c.FullName, c.Credits, c.Hours, c.CompletedOn, c.IssuedAtUtc,
                c.IssuerName, c.SignatoryName, status = c.Status.ToString(), c.RevokedAtUtc, c.RevokedReason, c.PdfSha256, pdfFile = PdfName(c),
            }),
            // The guidance network profile: what it publishes, and whether a coordinator hid it or asked for an update.
            networkProfile = await db.NetworkProfiles.AsNoTracking().Where(p => p.UserId == id).Select(p => new
            {
                p.DisplayName, p.Title, p.Organisation, homeMunicipality = p.HomeMunicipality!.Code, p.PublicContact, p.OtherLanguages,
                municipalitiesServed = p.Served.Select(s => s.Municipality!.Code).OrderBy(c => c).ToList(),
                tags = p.Tags.OrderBy(t => t.Kind).ThenBy(t => t.Code).Select(t => new { t.Kind, t.Code }).ToList(),
                channels = p.Channels.OrderBy(c => c.Channel).Select(c => new { c.Channel, c.Hours }).ToList(),
                p.JoinedAtUtc, p.UpdatedAtUtc, p.HiddenAtUtc, p.UpdateRequestedAtUtc,
            }).SingleOrDefaultAsync(cancellationToken),
            mail = await PersonalRecords.MailOf(db, id, user.NormalizedEmail).AsNoTracking().OrderBy(m => m.CreatedAtUtc)
                .Select(m => new { to = m.ToAddress, m.Subject, m.Category, m.CreatedAtUtc, m.SentAtUtc, m.FailedAtUtc })
                .ToListAsync(cancellationToken),
        };

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await WriteAsync(zip, "my-data.json", JsonSerializer.SerializeToUtf8Bytes(data, Json), cancellationToken);
            await WriteAsync(zip, "README.txt", Encoding.UTF8.GetBytes(Readme), cancellationToken);
            foreach (var c in certificates.Where(c => c.Pdf.Length > 0))
            {
                await WriteAsync(zip, PdfName(c), c.Pdf, cancellationToken);
            }
        }

        // The export itself is recorded: a person's data leaving the site is something an admin may be asked about.
        audit.Record(AuditActions.DataExported, id, $"{certificates.Count} certificates", id);
        await db.SaveChangesAsync(cancellationToken);
        return buffer.ToArray();
    }

    private static string PdfName(Certificates.Certificate c) => $"certificates/{c.SerialNumber}.pdf";

    private static JsonElement Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(json);
        }
    }

    private static async Task WriteAsync(ZipArchive zip, string name, byte[] bytes, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await stream.WriteAsync(bytes, cancellationToken);
    }

    private const string Readme = """
        Your data from the remote guidance training site (format version 1)
        =====================================================================
        my-data.json holds everything the site stores about you. Times ending in "Utc" are UTC; dates are Finnish dates.

        profile            your account: e-mail, name, organisation (verified and self-reported), region, language, roles
        enrolments         courses you enrolled in, when, your last activity and the last lesson you opened
        lessonsDone        lessons you marked done
        quizAttempts       every quiz you submitted: score, whether it passed, and your answers (question id, answer, correct)
        taskAnswers        your development-task answers (drafts and submitted) and the trainer's feedback
        courseCompletions  courses you completed and the content version
        cohorts            training groups you were invited to or belong to
        certificates       certificates issued to you, their state (Valid, Revoked, Replaced) and the PDF file in certificates/
        networkProfile     your guidance network profile, if you joined: what it publishes, and when it was hidden or an update asked
        mail               mail the site sent or tried to send you: address, subject, kind and dates (bodies are not kept for long)

        Sinun tietosi etäohjauskoulutuksen sivustolta: my-data.json sisältää kaiken, mitä sivusto sinusta tallentaa
        (kentät kuvattu yllä englanniksi); todistukset ovat kansiossa certificates/.
        Dina uppgifter från webbplatsen: my-data.json innehåller allt som webbplatsen lagrar om dig; intygen finns i mappen certificates/.
        """;
}
