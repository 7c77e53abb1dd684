using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Cohorts;

/// <summary>
/// Adds a clean list of people to a cohort in one transaction: existing accounts are enrolled, new people get an
/// account without a password and an invitation mail. Either every row is imported or none is.
/// </summary>
public sealed class CohortImporter(AppDbContext db, UserManager<AppUser> users, AccountMails mails, OutboxSignal signal, CohortBulkInvite bulk)
{
    public async Task<ImportSummary> ImportAsync(Cohort cohort, IReadOnlyList<RosterRow> rows, Func<AppUser, string, string> invitationLink)
    {
        var (enrolled, invited) = (0, 0);
        // People new to the site are created in short batches by CohortBulkInvite (after the rows below); this loop
        // handles existing accounts (and anyone who registered in between).
        var newPeople = await bulk.NewPeopleAsync(rows);
        var fresh = newPeople.Select(r => users.NormalizeEmail(r.Email)).ToHashSet();
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var row in rows.Where(r => !fresh.Contains(users.NormalizeEmail(r.Email))))
        {
            var user = await users.FindByEmailAsync(row.Email);
            if (user is null)
            {
                user = new AppUser
                {
                    UserName = row.Email,
                    Email = row.Email,
                    FullName = row.FullName ?? row.Email,
                    Organisation = row.Organisation ?? cohort.Organisation,
                    Region = cohort.Region,
                };
                var created = await users.CreateAsync(user);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException($"Row {row.Row}: " + string.Join(" ", created.Errors.Select(e => e.Description)));
                }

                await users.AddToRoleAsync(user, Roles.Participant);
                var token = await users.GeneratePasswordResetTokenAsync(user);
                var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
                mails.EnqueueInvitation(user, cohort, invitationLink(user, code));
                invited++;
            }
            else
            {
                enrolled++;
            }

            if (!await db.Enrollments.AnyAsync(e => e.UserId == user.Id && e.CourseId == cohort.CourseId))
            {
                db.Enrollments.Add(new Enrollment { UserId = user.Id, CourseId = cohort.CourseId });
            }

            if (!await db.CohortMembers.AnyAsync(m => m.CohortId == cohort.Id && m.UserId == user.Id))
            {
                db.CohortMembers.Add(new CohortMember { CohortId = cohort.Id, UserId = user.Id, InvitedAtUtc = user.EmailConfirmed ? null : DateTime.UtcNow });
            }

            await db.SaveChangesAsync();
        }

        await transaction.CommitAsync();
        invited += await bulk.InviteAsync(cohort, newPeople, invitationLink);
        signal.Notify();
        return new ImportSummary(enrolled, invited);
    }

    public sealed record ImportSummary(int Enrolled, int Invited);
}
