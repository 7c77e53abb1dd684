using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;
using RemoteGuidanceTraining.Web.Learning;
using RemoteGuidanceTraining.Web.Organisations;

namespace RemoteGuidanceTraining.Web.Cohorts;

/// <summary>
/// Adds a clean list of people to a cohort, all rows or none:
/// - a new address gets an account in the cohort's organisation and an invitation whose link sets the password;
///   setting it accepts the invitation, as the account exists only because of it;
/// - an account that never confirmed its address also gets a link that sets the password (its old password is
///   removed, so whoever registered the address cannot sign in with it), but stays where it was and is asked, like
///   anyone else, to accept: it may be someone's own registration or another coordinator's invitee;
/// - a confirmed account the coordinator may already see is enrolled at once;
/// - anyone else is asked by mail to join, and stays invisible to the coordinator until they accept.
/// The coordinator is told only how many were enrolled and how many invited: nothing about others' accounts.
/// </summary>
public sealed class CohortImporter(AppDbContext db, UserManager<AppUser> users, CohortMails mails, PasswordLinks links,
    Certificates.PublicUrls urls, OutboxSignal signal, TimeProvider clock, CohortBulkInvite bulk, Courses.CatalogHolder catalog,
    DatabaseLocks locks, Audit.AuditLog audit)
{
    public async Task<ImportSummary> ImportAsync(Cohort cohort, CoordinatorScope scope, IReadOnlyList<RosterRow> rows, CancellationToken cancellationToken = default)
    {
        // One import per cohort at a time, in every instance: the same list sent twice at once (a double click, two
        // tabs) would otherwise have both requests find the people new or not yet invited, and mail each of them twice.
        await using var importing = await locks.AcquireAsync($"cohort-import:{cohort.Id}", cancellationToken);
        try
        {
            return await ImportOnceAsync(cohort, scope, rows, cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // An address found new got its account meanwhile from elsewhere (another cohort's import, a registration):
            // everything this import wrote is taken back, and a second pass finds that account as an existing one.
            db.ChangeTracker.Clear();
            return await ImportOnceAsync(cohort, scope, rows, cancellationToken);
        }
    }

    private async Task<ImportSummary> ImportOnceAsync(Cohort cohort, CoordinatorScope scope, IReadOnlyList<RosterRow> rows, CancellationToken cancellationToken)
    {
        var organisation = cohort.OrganisationId is null ? null : await db.Organisations.FindAsync([cohort.OrganisationId], cancellationToken);
        // People new to the site are created first, in short batches, by CohortBulkInvite (2,000 new people no longer
        // hold the write lock for long), with their invitations held; then one transaction handles existing accounts
        // (and anyone who registered in between) and releases those invitations. A failure anywhere takes it all back.
        var newPeople = await bulk.NewPeopleAsync(rows, cancellationToken);
        var written = await bulk.InviteAsync(cohort, organisation, newPeople, cancellationToken);
        try
        {
            var fresh = newPeople.Select(r => users.NormalizeEmail(r.Email)).ToHashSet();
            var (enrolled, invited, already) = await AddExistingAsync(cohort, scope, organisation, rows.Where(r => !fresh.Contains(users.NormalizeEmail(r.Email))), written, cancellationToken);
            signal.Notify();
            return new ImportSummary(enrolled, invited + written.Count, already);
        }
        catch
        {
            db.ChangeTracker.Clear();
            await bulk.UndoAsync(written);
            throw;
        }
    }

    private async Task<(int Enrolled, int Invited, int AlreadyMembers)> AddExistingAsync(Cohort cohort, CoordinatorScope scope, Organisation? organisation,
        IEnumerable<RosterRow> rows, BulkWrite written, CancellationToken cancellationToken)
    {
        var (enrolled, invited, already) = (0, 0, 0);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var row in rows)
        {
            var user = await users.FindByEmailAsync(row.Email);
            var member = user is null ? null
                : await db.CohortMembers.SingleOrDefaultAsync(m => m.CohortId == cohort.Id && m.UserId == user.Id, cancellationToken);
            // An invitation already on its way is not sent again (the coordinator's "Resend" does that); one that an
            // import which died left held, never sent, is made again below.
            var held = member is { Status: CohortMemberStatus.Invited } && await bulk.IsHeldAsync(cohort, user!, cancellationToken);
            if (member is { Status: CohortMemberStatus.Member } || (member is { Status: CohortMemberStatus.Invited } && !held))
            {
                already++; // told apart from those added now, so a repeated import does not seem to add anyone
                continue;
            }

            if (held)
            {
                // The dead import's held mail goes, in this transaction, as the new one is queued: left behind it would
                // keep the invitation "held" for good, and every later import would mail the person again.
                await bulk.DropHeldAsync(cohort, user!, cancellationToken);
            }

            if (user is null)
            {
                user = await CreateAccountAsync(row, organisation, cohort);
                member = Invite(member, cohort, user, row, now, acceptedBySettingPassword: true);
                mails.EnqueueInvitation(user, cohort, await links.CreateAsync(user, PasswordLinkKind.Invitation, cohort.CourseId));
                invited++;
            }
            else if (!user.EmailConfirmed)
            {
                await StartOverAsync(user, cohort, row, cancellationToken);
                // Imported again before answering: an invitation that created the account still accepts in one step.
                member = Invite(member, cohort, user, row, now, acceptedBySettingPassword: member?.AcceptedBySettingPassword ?? false);
                mails.EnqueueInvitation(user, cohort, await links.CreateAsync(user, PasswordLinkKind.Invitation, cohort.CourseId));
                invited++;
            }
            else if (user.EmailConfirmed && await scope.Filter(db.Users, cohort.CourseId).AnyAsync(u => u.Id == user.Id, cancellationToken))
            {
                member ??= db.CohortMembers.Add(new CohortMember { CohortId = cohort.Id, UserId = user.Id, AddedAtUtc = now }).Entity;
                (member.Status, member.AcceptedAtUtc) = (CohortMemberStatus.Member, now);
                if (!await db.Enrollments.AnyAsync(e => e.UserId == user.Id && e.CourseId == cohort.CourseId, cancellationToken))
                {
                    db.Enrollments.Add(new Enrollment { UserId = user.Id, CourseId = cohort.CourseId });
                }

                enrolled++;
            }
            else
            {
                Invite(member, cohort, user, row, now, acceptedBySettingPassword: false);
                mails.EnqueueJoinInvitation(user, cohort, urls.Invitations());
                invited++;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await bulk.ReleaseAsync(written, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (enrolled, invited, already);
    }

    /// <summary>Sends the invitation of a pending member again, with a fresh link. False when there is none to resend.</summary>
    public async Task<bool> ResendAsync(Cohort cohort, int memberId, CancellationToken cancellationToken = default)
    {
        // An archived cohort takes nobody in (checked here too: it may have been archived since the page was read).
        var member = await db.CohortMembers.SingleOrDefaultAsync(m => m.Id == memberId && m.CohortId == cohort.Id && m.Status == CohortMemberStatus.Invited
            && m.Cohort!.ArchivedAtUtc == null, cancellationToken);
        var user = member is null ? null : await users.FindByIdAsync(member.UserId);
        if (member is null || user is null)
        {
            return false;
        }

        if (!user.EmailConfirmed) // no password to sign in with yet: the link sets one
        {
            mails.EnqueueInvitation(user, cohort, await links.CreateAsync(user, PasswordLinkKind.Invitation, cohort.CourseId));
        }
        else
        {
            mails.EnqueueJoinInvitation(user, cohort, urls.Invitations());
        }

        member.InvitedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return true;
    }

    // An address whose account was deleted (by its owner, or the retention job) after the check for new people and
    // before this transaction: created here as the bulk invitation would have.
    private async Task<AppUser> CreateAccountAsync(RosterRow row, Organisation? organisation, Cohort cohort)
    {
        var user = new AppUser
        {
            UserName = row.Email, Email = row.Email, FullName = row.NameOrAddress, SelfReportedOrganisation = row.Organisation,
            PreferredLanguage = InviteeLanguage.Of(catalog, cohort),
        };
        Memberships.Set(user, organisation, MembershipSource.Invitation);
        Memberships.SetRegionOfInvitation(user, cohort.Region);
        Check(await users.CreateAsync(user), row);
        Check(await users.AddToRoleAsync(user, Roles.Participant), row);
        if (Memberships.JoinedByInvitation(organisation, cohort.Region, cohort.Id) is { } joined)
        {
            audit.Record(Audit.AuditActions.MembershipByInvitation, user.Id, joined); // saved with the invitation
        }

        return user;
    }

    // Never confirmed: whoever registered the address may not be its owner, so any password goes and the typed name
    // replaces theirs, unless another cohort's invitation made the account (that coordinator's spelling stands; this
    // one's is kept with the invitation). Organisation and region stay: not the coordinator's to set on an account that exists.
    private async Task StartOverAsync(AppUser user, Cohort cohort, RosterRow row, CancellationToken cancellationToken)
    {
        if (await users.HasPasswordAsync(user))
        {
            Check(await users.RemovePasswordAsync(user), row);
        }

        if (!await db.CohortMembers.AnyAsync(m => m.UserId == user.Id && m.CohortId != cohort.Id && m.AcceptedBySettingPassword, cancellationToken))
        {
            user.FullName = row.FullName ?? user.FullName;
            user.SelfReportedOrganisation = row.Organisation ?? user.SelfReportedOrganisation;
        }

        Check(await users.UpdateAsync(user), row);
    }

    private CohortMember Invite(CohortMember? member, Cohort cohort, AppUser user, RosterRow row, DateTime now, bool acceptedBySettingPassword)
    {
        member ??= db.CohortMembers.Add(new CohortMember { CohortId = cohort.Id, UserId = user.Id, AddedAtUtc = now }).Entity;
        member.Status = CohortMemberStatus.Invited;
        member.InvitedAtUtc = now;
        member.InvitedName = row.FullName;
        member.AcceptedBySettingPassword = acceptedBySettingPassword;
        return member;
    }

    private static void Check(IdentityResult result, RosterRow row)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Row {row.Row}: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>How many were enrolled now, invited now, and were members before this import.</summary>
    public sealed record ImportSummary(int Enrolled, int Invited, int AlreadyMembers);
}
