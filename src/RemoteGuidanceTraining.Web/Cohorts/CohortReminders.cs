using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;

namespace RemoteGuidanceTraining.Web.Cohorts;

/// <summary>Who gets a reminder: everyone not started, everyone in progress, or the people ticked on the cohort page.</summary>
public enum ReminderAudience
{
    NotStarted,
    InProgress,
    Selected,
}

/// <summary>
/// How many a coordinator's reminder reached, how many it passed by as reminded within the last 24 hours, and how many
/// as closed accounts (a reminder asks the person to sign in, which a closed account cannot).
/// </summary>
public sealed record ReminderOutcome(int Sent, int Skipped, int Closed);

public sealed record SentReminder(string ToAddress, DateTime CreatedAtUtc, bool Automatic, OutboxStatus Status);

/// <summary>
/// A coordinator's reminder to cohort members, through the outbox, each mail in the recipient's own language with
/// a link to the course and the coordinator's own words if they wrote any. Nobody who completed the course or
/// declined the invitation is reminded, and only members of a cohort in the viewer's scope. The mails are tied to
/// the cohort and the person (SubjectType/SubjectId, shaped like an invitation's), so the cohort page lists them with
/// their delivery status and the person's export and deletion find them whatever address they have since.
/// </summary>
public sealed class CohortReminders(AppDbContext db, CohortManagement management, AppMailer mailer, PublicUrls urls,
    MailComposer composer, OutboxSignal signal, TimeProvider clock)
{
    public const string SubjectType = "cohort-reminder";

    public const string AutomaticSubjectType = "cohort-reminder-auto";

    public const string Category = "reminder";

    public const int NoteMaxLength = 2000;

    /// <summary>
    /// How long after any reminder from the cohort (by hand or automatic) a coordinator's reminder passes the person
    /// by: pressing the button again, or a colleague pressing it, must not send the same mail twice.
    /// </summary>
    public static readonly TimeSpan Spacing = TimeSpan.FromHours(24);

    /// <summary>
    /// Returns how many were reminded and how many were passed by as reminded within <see cref="Spacing"/>, or null
    /// when the cohort is not the viewer's.
    /// </summary>
    public async Task<ReminderOutcome?> SendAsync(CoordinatorScope scope, int cohortId, ReminderAudience audience, IReadOnlyCollection<int> memberIds,
        string? note, InLanguage courseTitle, CancellationToken cancellationToken)
    {
        var cohort = await scope.Filter(db.Cohorts.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == cohortId, cancellationToken);
        if (cohort is null)
        {
            return null;
        }

        // The note is in the language the coordinator writes in (their page's), whatever each recipient reads.
        var words = string.IsNullOrWhiteSpace(note) ? null : new InLanguage(note.Trim(), System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

        var chosen = (await management.StatesAsync(cohort, cancellationToken)).Where(s => audience switch
        {
            ReminderAudience.NotStarted => s.Standing == MemberStanding.NotStarted,
            ReminderAudience.InProgress => s.Standing == MemberStanding.InProgress,
            _ => memberIds.Contains(s.MemberId) && s.Standing is MemberStanding.NotStarted or MemberStanding.InProgress,
        }).Select(s => s.UserId).ToList();
        var found = await scope.Filter(db.Users.AsNoTracking(), cohort.CourseId).Where(u => chosen.Contains(u.Id) && u.Email != null)
            .Select(u => new { u.Id, u.FullName, u.Email, u.PreferredLanguage, Closed = u.SuspendedAtUtc != null }).ToListAsync(cancellationToken);
        // Not a closed account: a reminder asks the person to sign in, which it cannot (AccountSuspension).
        var people = found.Where(p => !p.Closed).ToList();
        var closed = found.Count - people.Count;
        var ids = people.Select(p => p.Id).ToList();
        var link = urls.Course(cohort.CourseId);
        var now = clock.GetUtcNow().UtcDateTime;
        var recent = now - Spacing;
        // The people due are claimed by one conditional update of LastRemindedAtUtc in the mails' transaction, as the
        // automatic reminders claim theirs; that also restarts the automatic one's clock, so nobody gets an automatic
        // reminder a day after the coordinator's own. Should a concurrent reminder claim someone between the read and
        // the update (PostgreSQL; SQLite's write transaction excludes it), the counts differ and the claim is redone.
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var due = db.CohortMembers.Where(m => m.CohortId == cohort.Id && m.Status == CohortMemberStatus.Member && ids.Contains(m.UserId)
                && (m.LastRemindedAtUtc == null || m.LastRemindedAtUtc < recent));
            var dueIds = await due.Select(m => m.UserId).ToListAsync(cancellationToken);
            if (await due.ExecuteUpdateAsync(s => s.SetProperty(m => m.LastRemindedAtUtc, now), cancellationToken) != dueIds.Count && attempt < 3)
            {
                await transaction.RollbackAsync(cancellationToken);
                continue;
            }

            foreach (var person in people.Where(p => dueIds.Contains(p.Id)))
            {
                var row = mailer.Enqueue(Compose(person.Email!, person.FullName, person.PreferredLanguage, courseTitle, cohort.Name, words, link), Category);
                (row.SubjectType, row.SubjectId) = (SubjectType, CohortMails.InvitationSubjectId(cohort.Id, person.Id));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            signal.Notify();
            return new ReminderOutcome(dueIds.Count, people.Count - dueIds.Count, closed);
        }
    }

    /// <summary>
    /// Adds an automatic reminder to the outbox without saving (the caller commits it with its claim), with the
    /// unsubscribe link. False when the person has no address.
    /// </summary>
    public async Task<bool> EnqueueAutomaticAsync(int cohortId, string userId, string courseId, InLanguage courseTitle, string cohortName, string unsubscribeToken, CancellationToken cancellationToken)
    {
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.Email != null)
            .Select(u => new { u.FullName, u.Email, u.PreferredLanguage }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return false;
        }

        var mail = Compose(person.Email!, person.FullName, person.PreferredLanguage, courseTitle, cohortName, null,
            urls.Course(courseId), urls.Page("/Reminders/Unsubscribe", new { token = unsubscribeToken }));
        var row = mailer.Enqueue(mail, Category);
        (row.SubjectType, row.SubjectId) = (AutomaticSubjectType, CohortMails.InvitationSubjectId(cohortId, userId));
        return true;
    }

    public void Notify() => signal.Notify();

    /// <summary>The reminders sent from this cohort, newest first, with whether each has left the outbox.</summary>
    public async Task<IReadOnlyList<SentReminder>> SentAsync(Cohort cohort, CancellationToken cancellationToken)
    {
        // "cohort:person" since reminders name their person too; a reminder written before that names the cohort only.
        var id = cohort.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var ofPeople = id + ":";
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => (m.SubjectType == SubjectType || m.SubjectType == AutomaticSubjectType) && (m.SubjectId == id || m.SubjectId!.StartsWith(ofPeople)))
            .OrderByDescending(m => m.CreatedAtUtc).Take(200)
            .Select(m => new { m.ToAddress, m.CreatedAtUtc, m.SentAtUtc, m.FailedAtUtc, m.SubjectType }).ToListAsync(cancellationToken);
        return rows.Select(m => new SentReminder(m.ToAddress, m.CreatedAtUtc, m.SubjectType == AutomaticSubjectType,
            m.SentAtUtc is not null ? OutboxStatus.Sent : m.FailedAtUtc is not null ? OutboxStatus.Failed : OutboxStatus.Waiting)).ToList();
    }

    private OutgoingMail Compose(string to, string name, string language, InLanguage courseTitle, string cohortName, InLanguage? note, string link, string? unsubscribe = null) =>
        composer.Compose(new MailRecipient(to, name, language), mail =>
        {
            mail.Subject = mail.T["Reminder.Subject", courseTitle];
            mail.Paragraph("Reminder.Body", courseTitle, cohortName).Link(link);
            if (note is not null)
            {
                mail.Lines(mail.T["Reminder.Note"].Value, note);
            }

            if (unsubscribe is not null)
            {
                mail.LinkBelowSignature(mail.T["Reminder.Unsubscribe"], unsubscribe);
            }
        });
}
