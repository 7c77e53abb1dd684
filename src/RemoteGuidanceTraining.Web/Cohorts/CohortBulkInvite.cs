using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;
using RemoteGuidanceTraining.Web.Organisations;

namespace RemoteGuidanceTraining.Web.Cohorts;

/// <summary>
/// Creates the accounts of people new to the site (in the cohort's organisation), makes them invited members and
/// queues their invitations, whose link sets the password and accepts (see <see cref="CohortImporter"/>), in short
/// transactions of <see cref="BatchSize"/> people. Everything – account rows, invitation tokens, mails – is
/// prepared and checked before the first write, and each batch is a few multi-row inserts, so the SQLite write
/// lock is held for tens of milliseconds at a time and other people's requests go on between batches (one
/// transaction for 2,000 people held it for half a minute). The import stays all or nothing: the invitations wait,
/// unsent, until <see cref="ReleaseAsync"/> at the end, and a failure in the middle takes back every batch written
/// (<see cref="UndoAsync"/>), so no one is mailed about an account that a failed import then removes.
/// </summary>
public sealed class CohortBulkInvite(AppDbContext db, UserManager<AppUser> users, CohortMails mails, PasswordLinks links, TimeProvider time,
    Courses.CatalogHolder catalog, Audit.AuditLog audit)
{
    public const int BatchSize = 100;

    // An invitation written by an unfinished import: never due until released.
    private static readonly DateTime _held = new(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The rows whose address has no account yet: one query per 500 addresses.</summary>
    public async Task<List<RosterRow>> NewPeopleAsync(IReadOnlyList<RosterRow> rows, CancellationToken cancellationToken = default)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in rows.Select(r => users.NormalizeEmail(r.Email)).Distinct().Chunk(500))
        {
            known.UnionWith(await db.Users.Where(u => u.NormalizedEmail != null && chunk.Contains(u.NormalizedEmail))
                .Select(u => u.NormalizedEmail!).ToListAsync(cancellationToken));
        }

        return rows.Where(r => !known.Contains(users.NormalizeEmail(r.Email)))
            .DistinctBy(r => users.NormalizeEmail(r.Email)).ToList();
    }

    /// <summary>
    /// Creates and invites the given new people, with their invitations held back; returns what was written, for
    /// <see cref="ReleaseAsync"/> once the rest of the import is in. Takes back what it wrote if a batch fails.
    /// </summary>
    public async Task<BulkWrite> InviteAsync(Cohort cohort, Organisation? organisation, IReadOnlyList<RosterRow> rows, CancellationToken cancellationToken = default)
    {
        if (rows.Count == 0)
        {
            return BulkWrite.None;
        }

        var roleId = await db.Roles.Where(r => r.Name == Roles.Participant).Select(r => r.Id).SingleAsync(cancellationToken);
        var prepared = new List<(AppUser User, string Link)>(rows.Count);
        var language = InviteeLanguage.Of(catalog, cohort);
        foreach (var row in rows)
        {
            // The check Identity's user validator would make (its options use the same characters), before anything
            // is written; RosterCsv already refused such rows with a message, so this only guards other callers.
            if (!AccountAddress.HasOnlyAllowedCharacters(row.Email) || !AccountAddress.HasDotsInPlace(row.Email) || !AccountAddress.HasPartsWithinLimits(row.Email))
            {
                throw new InvalidOperationException($"Row {row.Row}: the address {row.Email} cannot be a user name.");
            }

            var user = new AppUser
            {
                UserName = row.Email,
                NormalizedUserName = users.NormalizeName(row.Email),
                Email = row.Email,
                NormalizedEmail = users.NormalizeEmail(row.Email),
                FullName = row.NameOrAddress,
                SelfReportedOrganisation = row.Organisation,
                PreferredLanguage = language,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            };
            // Membership comes from the coordinator's own cohort, never from the organisation column of the file.
            Memberships.Set(user, organisation, MembershipSource.Invitation);
            Memberships.SetRegionOfInvitation(user, cohort.Region);
            // The token depends only on the user id and security stamp, so it can be made before the row exists.
            prepared.Add((user, await links.CreateAsync(user, PasswordLinkKind.Invitation, cohort.CourseId)));
        }

        var written = new BulkWrite([], []);
        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var batch in prepared.Zip(rows).Chunk(BatchSize))
            {
                await WriteBatchAsync(cohort, organisation, roleId, batch, written, cancellationToken);
            }
        }
        catch
        {
            db.ChangeTracker.Clear();
            await UndoAsync(written);
            throw;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        }

        return written;
    }

    /// <summary>Lets the dispatcher send the held invitations (call it in the transaction that finishes the import).</summary>
    public async Task ReleaseAsync(BulkWrite written, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var chunk in written.MailIds.Chunk(500))
        {
            await db.OutboxMessages.Where(m => chunk.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAtUtc, now), cancellationToken);
        }
    }

    /// <summary>True when the person's invitation to the cohort waits, held, for an import that never finished (its process died).</summary>
    public Task<bool> IsHeldAsync(Cohort cohort, AppUser user, CancellationToken cancellationToken = default) =>
        HeldInvitations(cohort, user).AnyAsync(cancellationToken);

    /// <summary>Removes the person's held, never sent invitations to the cohort (an import that never finished left them); call it in the transaction that invites again.</summary>
    public Task<int> DropHeldAsync(Cohort cohort, AppUser user, CancellationToken cancellationToken = default) =>
        HeldInvitations(cohort, user).ExecuteDeleteAsync(cancellationToken);

    private IQueryable<OutboxMessage> HeldInvitations(Cohort cohort, AppUser user)
    {
        var subjectId = CohortMails.InvitationSubjectId(cohort.Id, user.Id);
        return db.OutboxMessages.Where(m => m.SubjectType == CohortMails.InvitationSubjectType && m.SubjectId == subjectId
            && m.SentAtUtc == null && m.NextAttemptAtUtc == _held);
    }

    /// <summary>Takes back the accounts written (their roles and memberships go with them), their held invitations and the audit entries of their joining.</summary>
    public async Task UndoAsync(BulkWrite written)
    {
        // Not cancellable: a cancelled import must still be taken back.
        foreach (var chunk in written.MailIds.Chunk(500))
        {
            await db.OutboxMessages.Where(m => chunk.Contains(m.Id)).ExecuteDeleteAsync(CancellationToken.None);
        }

        foreach (var chunk in written.UserIds.Chunk(500))
        {
            // Every entry about these accounts is this import's: they did not exist before it.
            await db.AuditEntries.Where(e => chunk.Contains(e.SubjectUserId!)).ExecuteDeleteAsync(CancellationToken.None);
            await db.Users.Where(u => chunk.Contains(u.Id)).ExecuteDeleteAsync(CancellationToken.None);
        }
    }

    // The audit entry of each person's joining goes in with their account, in the same multi-row inserts: one more
    // row a person, and an account never stands in the organisation without its entry, even if the import's process
    // dies before the final transaction. UndoAsync takes the entries back with the accounts.
    private async Task WriteBatchAsync(Cohort cohort, Organisation? organisation, string roleId, ((AppUser User, string Link), RosterRow Row)[] batch,
        BulkWrite written, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var joined = Memberships.JoinedByInvitation(organisation, cohort.Region, cohort.Id);
        foreach (var ((user, link), row) in batch)
        {
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
            db.CohortMembers.Add(new CohortMember
            {
                CohortId = cohort.Id, UserId = user.Id, AddedAtUtc = now, InvitedAtUtc = now, InvitedName = row.FullName,
                Status = CohortMemberStatus.Invited, AcceptedBySettingPassword = true,
            });
            mails.EnqueueInvitation(user, cohort, link);
            if (joined is not null)
            {
                audit.Record(Audit.AuditActions.MembershipByInvitation, user.Id, joined);
            }
        }

        var mailIds = db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        mailIds.ForEach(m => m.NextAttemptAtUtc = _held);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        written.UserIds.AddRange(batch.Select(b => b.Item1.User.Id));
        written.MailIds.AddRange(mailIds.Select(m => m.Id));
    }
}

/// <summary>The accounts and held invitations a bulk invitation wrote.</summary>
public sealed record BulkWrite(List<string> UserIds, List<Guid> MailIds)
{
    public static BulkWrite None => new([], []);

    public int Count => UserIds.Count;
}
