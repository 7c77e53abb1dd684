using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Cohorts;

/// <summary>Who gets a reminder: everyone not started, everyone in progress, or the people ticked on the cohort page.</summary>
public enum ReminderAudience
{
    NotStarted,
    InProgress,
    Selected,
}

public sealed record SentReminder(string ToAddress, DateTime CreatedAtUtc, bool Automatic, OutboxStatus Status);

/// <summary>
/// A coordinator's reminder to cohort members, through the outbox, each mail in the recipient's own language with
/// a link to the course and the coordinator's own words if they wrote any. Nobody who completed the course or
/// declined the invitation is reminded, and only members of a cohort in the viewer's scope. The mails are tied to
/// the cohort (SubjectType/SubjectId), so the cohort page lists them with their delivery status.
/// </summary>
public sealed class CohortReminders(AppDbContext db, CohortManagement management, AppMailer mailer, PublicUrls urls,
    IStringLocalizer<SharedResource> t, IOptions<AppOptions> app, OutboxSignal signal, TimeProvider clock)
{
    public const string SubjectType = "cohort-reminder";

    public const string AutomaticSubjectType = "cohort-reminder-auto";

    public const string Category = "reminder";

    public const int NoteMaxLength = 2000;

    /// <summary>Returns how many were reminded, or null when the cohort is not the viewer's.</summary>
    public async Task<int?> SendAsync(CoordinatorScope scope, int cohortId, ReminderAudience audience, IReadOnlyCollection<int> memberIds,
        string? note, string courseTitle, CancellationToken cancellationToken)
    {
        var cohort = await scope.Filter(db.Cohorts.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == cohortId, cancellationToken);
        if (cohort is null)
        {
            return null;
        }

        var chosen = (await management.StatesAsync(cohort, cancellationToken)).Where(s => audience switch
        {
            ReminderAudience.NotStarted => s.Standing == MemberStanding.NotStarted,
            ReminderAudience.InProgress => s.Standing == MemberStanding.InProgress,
            _ => memberIds.Contains(s.MemberId) && s.Standing is MemberStanding.NotStarted or MemberStanding.InProgress,
        }).Select(s => s.UserId).ToList();
        var people = await scope.Filter(db.Users.AsNoTracking()).Where(u => chosen.Contains(u.Id) && u.Email != null)
            .Select(u => new { u.Id, u.FullName, u.Email, u.PreferredLanguage }).ToListAsync(cancellationToken);
        var link = urls.Page("/Courses/Course", new { courseId = cohort.CourseId });
        foreach (var person in people)
        {
            var row = mailer.Enqueue(Compose(person.Email!, person.FullName, person.PreferredLanguage, courseTitle, cohort.Name, note, link), Category);
            (row.SubjectType, row.SubjectId) = (SubjectType, cohort.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // A reminder sent by hand restarts the automatic one's clock, committed with the mails: nobody gets an
        // automatic reminder a day after the coordinator's own.
        var reminded = people.Select(p => p.Id).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var member in await db.CohortMembers.Where(m => m.CohortId == cohort.Id && reminded.Contains(m.UserId)).ToListAsync(cancellationToken))
        {
            member.LastRemindedAtUtc = now;
        }

        await mailer.SaveAndSendAsync(cancellationToken);
        return people.Count;
    }

    /// <summary>
    /// Adds an automatic reminder to the outbox without saving (the caller commits it with its claim), with the
    /// unsubscribe link. False when the person has no address.
    /// </summary>
    public async Task<bool> EnqueueAutomaticAsync(int cohortId, string userId, string courseId, string courseTitle, string cohortName, string unsubscribeToken, CancellationToken cancellationToken)
    {
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.Email != null)
            .Select(u => new { u.FullName, u.Email, u.PreferredLanguage }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return false;
        }

        var mail = Compose(person.Email!, person.FullName, person.PreferredLanguage, courseTitle, cohortName, null,
            urls.Page("/Courses/Course", new { courseId }), urls.Page("/Reminders/Unsubscribe", new { token = unsubscribeToken }));
        var row = mailer.Enqueue(mail, Category);
        (row.SubjectType, row.SubjectId) = (AutomaticSubjectType, cohortId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    public void Notify() => signal.Notify();

    /// <summary>The reminders sent from this cohort, newest first, with whether each has left the outbox.</summary>
    public async Task<IReadOnlyList<SentReminder>> SentAsync(Cohort cohort, CancellationToken cancellationToken)
    {
        var id = cohort.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => (m.SubjectType == SubjectType || m.SubjectType == AutomaticSubjectType) && m.SubjectId == id)
            .OrderByDescending(m => m.CreatedAtUtc).Take(200)
            .Select(m => new { m.ToAddress, m.CreatedAtUtc, m.SentAtUtc, m.FailedAtUtc, m.SubjectType }).ToListAsync(cancellationToken);
        return rows.Select(m => new SentReminder(m.ToAddress, m.CreatedAtUtc, m.SubjectType == AutomaticSubjectType,
            m.SentAtUtc is not null ? OutboxStatus.Sent : m.FailedAtUtc is not null ? OutboxStatus.Failed : OutboxStatus.Waiting)).ToList();
    }

    private OutgoingMail Compose(string to, string name, string language, string courseTitle, string cohortName, string? note, string link, string? unsubscribe = null)
    {
        using (Cultures.Use(language))
        {
            var site = app.Value.SiteName;
            var greeting = t["Mail.Greeting", name].Value;
            var body = t["Reminder.Body", courseTitle, cohortName].Value;
            var words = string.IsNullOrWhiteSpace(note) ? "" : t["Reminder.Note"].Value + "\n" + note.Trim();
            var stop = unsubscribe is null ? "" : t["Reminder.Unsubscribe"].Value;
            var text = $"{greeting}\n\n{body}\n\n{link}\n\n{(words.Length == 0 ? "" : words + "\n\n")}{site}\n"
                + (unsubscribe is null ? "" : $"\n{stop}\n{unsubscribe}\n");
            var html = $"<p>{Html(greeting)}</p><p>{Html(body)}</p><p><a href=\"{Html(link)}\">{Html(link)}</a></p>" +
                (words.Length == 0 ? "" : $"<p>{Html(words).Replace("\n", "<br>", StringComparison.Ordinal)}</p>") + $"<p>{Html(site)}</p>"
                + (unsubscribe is null ? "" : $"<p><a href=\"{Html(unsubscribe)}\">{Html(stop)}</a></p>");
            return new OutgoingMail(to, name, t["Reminder.Subject", courseTitle], text, html);
        }
    }

    private static string Html(string text) => HtmlEncoder.Default.Encode(text);
}
