using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Audit;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;

namespace RemoteGuidanceTraining.Web.Privacy;

/// <summary>
/// The retention rules. Each rule is one conditional DELETE or UPDATE whose condition is the rule itself, so any
/// number of site instances may run it at the same time: a row is removed once, a second run finds nothing, and
/// no lock or leader is needed. The mail transport's copies of mail that goes (the pickup folder's .eml files) are
/// removed first, so a run cut off in between finds the same rows again next time; removing a copy twice is harmless.
/// </summary>
public sealed class Retention(AppDbContext db, IOptions<PrivacyOptions> options, TimeProvider clock, AuditLog audit, IMailTransport transport)
{
    public async Task<RetentionResult> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var rules = options.Value.Retention;
        var now = clock.GetUtcNow().UtcDateTime;

        // Never-confirmed accounts, unless an invitation to them is still recent. Their mail goes with them;
        // the database cascades the rest (roles, enrolments, cohort rows). An account with a certificate is never one of them.
        var accountCutoff = now.AddDays(-rules.UnconfirmedAccountDays);
        var due = db.Users.Where(u => !u.EmailConfirmed && u.CreatedAtUtc < accountCutoff
            && !db.Certificates.Any(c => c.UserId == u.Id)
            && !db.CohortMembers.Any(m => m.UserId == u.Id && m.InvitedAtUtc >= accountCutoff));
        // Mail tagged with another account stays, even to a due address: it may be that account's pending address change.
        var dueAddresses = due.Select(u => u.NormalizedEmail);
        var dueIds = due.Select(u => u.Id);
        var dueMail = db.OutboxMessages.Where(m => (m.SubjectType == AccountMails.SubjectType && dueIds.Contains(m.SubjectId!))
            || (dueAddresses.Contains(m.ToAddress.ToUpper()) && m.SubjectType != AccountMails.SubjectType));
        // Rows are deleted by the ids whose files were forgotten, not by the query again: a mail queued and written in
        // between would lose its row and keep its file. It is found on the next run.
        var dueMailIds = await dueMail.Select(m => m.MessageId).ToListAsync(cancellationToken);
        await transport.ForgetAsync(dueMailIds, cancellationToken);
        await db.OutboxMessages.Where(m => dueMailIds.Contains(m.MessageId)).ExecuteDeleteAsync(cancellationToken);
        var accounts = await due.ExecuteDeleteAsync(cancellationToken);

        // Sent mail keeps who, what and when (reports show delivery); the message with its attached PDF goes.
        var mailCutoff = now.AddDays(-rules.MailBodyDays);
        // Compared with the empty value (not by length) so the condition translates the same on SQLite and PostgreSQL.
        var erased = Array.Empty<byte>();
        var dueBodyIds = await db.OutboxMessages.Where(m => m.SentAtUtc < mailCutoff && m.Mime != erased).Select(m => m.MessageId).ToListAsync(cancellationToken);
        await transport.ForgetAsync(dueBodyIds, cancellationToken);
        // The rule stays in the condition: a concurrent run that erased a body first leaves this one nothing to count.
        var mailBodies = await db.OutboxMessages.Where(m => dueBodyIds.Contains(m.MessageId) && m.Mime != erased)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Mime, erased), cancellationToken);

        var auditCutoff = now.AddMonths(-rules.AuditMonths);
        var auditEntries = await db.Set<AuditEntry>().Where(e => e.AtUtc < auditCutoff).ExecuteDeleteAsync(cancellationToken);

        if (accounts > 0)
        {
            // Only the instance that actually deleted records it, so concurrent runs do not duplicate the entry.
            await audit.RecordNowAsync(AuditActions.AccountDeleted, null, $"retention: {accounts} unconfirmed accounts", cancellationToken);
        }

        return new RetentionResult(accounts, mailBodies, auditEntries);
    }
}

public sealed record RetentionResult(int UnconfirmedAccounts, int MailBodies, int AuditEntries);
