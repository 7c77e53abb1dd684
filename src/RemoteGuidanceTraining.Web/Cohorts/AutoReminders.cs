using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;

namespace RemoteGuidanceTraining.Web.Cohorts;

/// <summary>
/// Automatic reminders: a member of a cohort that has them on and is running (today, in Finnish time, is between its
/// start and end dates), who has not completed the course, has shown no
/// activity for <see cref="Quiet"/> and was not reminded in that time, gets one reminder through the outbox in their
/// language, with a link to stop them that works without signing in. Several instances may run this at once: each
/// reminder is claimed by a conditional update of <see cref="CohortMember.LastRemindedAtUtc"/> in the same
/// transaction as the mail, so only the instance whose update changed the row sends it.
/// </summary>
public sealed partial class AutoReminders(AppDbContext db, CohortReminders reminders, IDataProtectionProvider protection, TimeProvider clock,
    Courses.CatalogHolder catalog, ILogger<AutoReminders> logger)
{
    public static readonly TimeSpan Quiet = TimeSpan.FromDays(14);

    private const string Purpose = "RemoteGuidanceTraining.Cohorts.ReminderUnsubscribe";

    /// <summary>Sends what is due now; returns how many reminders were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var before = now - Quiet;
        // A cohort's dates are Finnish calendar days; before its start and after its end nobody is reminded.
        var today = Localization.HelsinkiTime.DayOf(now);
        // Only cohorts of courses served now: a reminder links to its course, which answers 503 while its files are
        // unavailable. Such members stay due and are reminded once the files load again.
        var courses = catalog.Current;
        var served = courses.Courses.Select(c => c.Id).ToList();
        var due = await (from m in db.CohortMembers.AsNoTracking()
                         join c in db.Cohorts on m.CohortId equals c.Id
                         join e in db.Enrollments on new { m.UserId, c.CourseId } equals new { e.UserId, e.CourseId }
                         where c.AutoReminders && c.ArchivedAtUtc == null && served.Contains(c.CourseId) && c.StartsOn <= today && c.EndsOn >= today
                               && m.Status == CohortMemberStatus.Member
                               && m.RemindersOffAtUtc == null && (m.LastRemindedAtUtc == null || m.LastRemindedAtUtc < before)
                               && e.LastActivityAtUtc < before
                               && !db.CourseCompletions.Any(x => x.UserId == m.UserId && x.CourseId == c.CourseId)
                               // A closed account cannot sign in as a reminder asks; it stays due and is reminded once reopened.
                               && !db.Users.Any(u => u.Id == m.UserId && u.SuspendedAtUtc != null)
                         select new { m.Id, m.UserId, c.Name, c.CourseId, CohortId = c.Id }).Take(500).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var d in due)
        {
            var course = courses.Find(d.CourseId)!;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.CohortMembers.Where(m => m.Id == d.Id && (m.LastRemindedAtUtc == null || m.LastRemindedAtUtc < before))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastRemindedAtUtc, now), cancellationToken);
            if (claimed == 1 && await reminders.EnqueueAutomaticAsync(d.CohortId, d.UserId, d.CourseId, new InLanguage(course.Title, course.Language), d.Name,
                    UnsubscribeToken(d.Id), cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
                sent++;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (sent > 0)
        {
            reminders.Notify();
            Log.Sent(logger, sent);
        }

        return sent;
    }

    public string UnsubscribeToken(int memberId) =>
        protection.CreateProtector(Purpose).Protect(memberId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Honours an unsubscribe link; false when the token is not one of ours.</summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken cancellationToken)
    {
        int memberId;
        try
        {
            memberId = int.Parse(protection.CreateProtector(Purpose).Unprotect(token ?? ""), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await db.CohortMembers.Where(m => m.Id == memberId && m.RemindersOffAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.RemindersOffAtUtc, now), cancellationToken);
        return true;
    }

    public Task SetEnabledAsync(int cohortId, bool enabled, CancellationToken cancellationToken) =>
        db.Cohorts.Where(c => c.Id == cohortId).ExecuteUpdateAsync(s => s.SetProperty(c => c.AutoReminders, enabled), cancellationToken);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} automatic cohort reminders")]
        public static partial void Sent(ILogger logger, int count);
    }
}

/// <summary>Runs <see cref="AutoReminders"/> every hour (on <see cref="TimeProvider"/>'s clock); the claim makes a retry safe.</summary>
public sealed partial class AutoReminderJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AutoReminderJob> logger) : PeriodicJob(scopes, clock)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<AutoReminders>().RunOnceAsync(cancellationToken);

    protected override void Failed(Exception exception) => LogFailed(exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Automatic cohort reminders failed; retrying at the next tick")]
    private partial void LogFailed(Exception exception);
}
