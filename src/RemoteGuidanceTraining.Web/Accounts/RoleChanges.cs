using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Audit;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Accounts;

/// <summary>
/// An admin grants or removes someone's roles. The audit entry records what changed, the roles added and the roles
/// removed, so a removal can be told from the log (the roles left would say nothing when none are left).
/// </summary>
public sealed class RoleChanges(UserManager<AppUser> users, AppDbContext db, SignInAbility signInAbility, AuditLog audit)
{
    /// <summary>Participant is everyone's role and is not granted here.</summary>
    public static readonly IReadOnlyList<string> Grantable = [Roles.Trainer, Roles.Coordinator, Roles.Admin];

    /// <summary>Gives the account exactly the grantable roles of <paramref name="roles"/>; anything else asked is ignored.</summary>
    public async Task<RoleChangeResult> SetAsync(string userId, IEnumerable<string> roles, CancellationToken cancellationToken)
    {
        var user = await users.FindAccountAsync(userId);
        if (user is null)
        {
            return new RoleChangeResult(RoleChangeOutcome.NotFound, null);
        }

        var wanted = roles.Intersect(Grantable).ToHashSet();
        var current = (await users.GetRolesAsync(user)).Intersect(Grantable).ToHashSet();
        var added = Grantable.Where(r => wanted.Contains(r) && !current.Contains(r)).ToList();
        var removed = Grantable.Where(r => current.Contains(r) && !wanted.Contains(r)).ToList();
        if (added.Count == 0 && removed.Count == 0)
        {
            // Nothing to write: a new security stamp would sign the person out for nothing.
            return new RoleChangeResult(RoleChangeOutcome.Unchanged, user.FullName);
        }

        if (added.Count > 0 && !signInAbility.CanSignIn(user))
        {
            // A role on an account nobody can sign in to does nothing, and the retention job may delete the account.
            return new RoleChangeResult(RoleChangeOutcome.CannotSignIn, user.FullName);
        }

        var saved = false;
        async Task WriteAsync()
        {
            // Identity saves after each step: one transaction makes them one change, and a step refused because the
            // account's row changed since it was read (another admin's change at the same moment) undoes them all.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                if (!(await users.AddToRolesAsync(user, added)).Succeeded || !(await users.RemoveFromRolesAsync(user, removed)).Succeeded)
                {
                    return;
                }

                audit.Record(AuditActions.RolesChanged, user.Id, Details(added, removed));
                // Roles live in the sign-in cookie: a new security stamp ends the person's sessions at once (SessionValidation),
                // so a removed role stops working now, not at the next periodic check.
                if ((await users.UpdateSecurityStampAsync(user)).Succeeded)
                {
                    await transaction.CommitAsync(cancellationToken);
                    saved = true;
                }
            }
            catch (DbUpdateException error) when (error.IsUniqueViolation())
            {
                // The same role granted by another request at the same moment: that change stands, this one is not made.
            }
        }

        // The rule of deleting one's own account: the site keeps an admin who can sign in. Only one's own role can meet
        // it, as whoever removes another's role is such an admin.
        if (!await signInAbility.WriteKeepingAnAdminAsync(user.Id, removed.Contains(Roles.Admin), WriteAsync, cancellationToken))
        {
            return new RoleChangeResult(RoleChangeOutcome.LastAdmin, user.FullName);
        }

        return new RoleChangeResult(saved ? RoleChangeOutcome.Saved : RoleChangeOutcome.Conflict, user.FullName);
    }

    /// <summary>
    /// "added: Trainer; removed: Coordinator, Admin", an empty side left out: the "name: values; name: values" form of
    /// the log's other details (ScopeChanged), role names as stored, like every detail, in no reader's language.
    /// </summary>
    public static string Details(IReadOnlyCollection<string> added, IReadOnlyCollection<string> removed) =>
        string.Join("; ", new[] { ("added", added), ("removed", removed) }
            .Where(part => part.Item2.Count > 0)
            .Select(part => $"{part.Item1}: {string.Join(", ", part.Item2)}"));
}

public enum RoleChangeOutcome
{
    Saved,
    Unchanged,
    NotFound,

    /// <summary>A role was to be granted to an account that cannot sign in (unconfirmed, no password, locked out).</summary>
    CannotSignIn,

    /// <summary>Removing the role would leave no admin who can sign in.</summary>
    LastAdmin,

    /// <summary>The account changed between reading and saving it (another admin's change at once): nothing was written.</summary>
    Conflict,
}

/// <summary>What came of a role change, with the person's name for the message (null when not found).</summary>
public sealed record RoleChangeResult(RoleChangeOutcome Outcome, string? FullName);
