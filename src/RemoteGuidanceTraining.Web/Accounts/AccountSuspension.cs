using Microsoft.AspNetCore.Identity;
using RemoteGuidanceTraining.Web.Audit;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Accounts;

/// <summary>
/// An admin closes an account (someone who left, a misused account) and may reopen it. A closed account keeps its
/// records, certificates and cohort memberships but cannot sign in by any path (<see cref="SignInAbility"/>,
/// <see cref="AppSignInManager"/>, <see cref="AccountSetup"/>).
/// </summary>
public sealed class AccountSuspension(UserManager<AppUser> users, SignInAbility signInAbility, AuditLog audit, TimeProvider clock)
{
    public async Task<SuspensionResult> SuspendAsync(string userId, string actorUserId, CancellationToken cancellationToken)
    {
        var user = await users.FindAccountAsync(userId);
        if (user is null)
        {
            return new SuspensionResult(SuspensionOutcome.NotFound, null);
        }

        if (user.Id == actorUserId)
        {
            // Closing one's own account would end the session that could reopen it.
            return new SuspensionResult(SuspensionOutcome.Self, user.FullName);
        }

        if (user.SuspendedAtUtc is not null)
        {
            // A second press (another tab): the first time stays the one shown and audited.
            return new SuspensionResult(SuspensionOutcome.Unchanged, user.FullName);
        }

        IdentityResult? saved = null;
        async Task WriteAsync()
        {
            user.SuspendedAtUtc = clock.GetUtcNow().UtcDateTime;
            audit.Record(AuditActions.AccountSuspended, user.Id, actorUserId: actorUserId);
            // A new security stamp ends every session of the person at once (SessionValidation); this saves it all.
            saved = await users.UpdateSecurityStampAsync(user);
        }

        // A closed admin can no longer sign in: the site keeps an admin who can, as when an admin steps down.
        if (!await signInAbility.WriteKeepingAnAdminAsync(user.Id, await users.IsInRoleAsync(user, Roles.Admin), WriteAsync, cancellationToken))
        {
            return new SuspensionResult(SuspensionOutcome.LastAdmin, user.FullName);
        }

        return new SuspensionResult(saved is { Succeeded: true } ? SuspensionOutcome.Done : SuspensionOutcome.Conflict, user.FullName);
    }

    public async Task<SuspensionResult> ReopenAsync(string userId, string actorUserId, CancellationToken cancellationToken)
    {
        var user = await users.FindAccountAsync(userId);
        if (user is null)
        {
            return new SuspensionResult(SuspensionOutcome.NotFound, null);
        }

        if (user.SuspendedAtUtc is null)
        {
            return new SuspensionResult(SuspensionOutcome.Unchanged, user.FullName);
        }

        user.SuspendedAtUtc = null;
        audit.Record(AuditActions.AccountReopened, user.Id, actorUserId: actorUserId);
        cancellationToken.ThrowIfCancellationRequested();
        var saved = await users.UpdateAsync(user);
        return new SuspensionResult(saved.Succeeded ? SuspensionOutcome.Done : SuspensionOutcome.Conflict, user.FullName);
    }
}

public enum SuspensionOutcome
{
    Done,

    /// <summary>The account was already closed (or already open): nothing written.</summary>
    Unchanged,
    NotFound,

    /// <summary>An admin tried to close their own account.</summary>
    Self,

    /// <summary>Closing the account would leave no admin who can sign in.</summary>
    LastAdmin,

    /// <summary>
    /// The account's row changed between reading and saving it (a sign-in, a profile save): Identity's concurrency
    /// stamp refused the save, and nothing, the audit entry included, was written.
    /// </summary>
    Conflict,
}

/// <summary>What came of closing or reopening, with the person's name for the message (null when not found).</summary>
public sealed record SuspensionResult(SuspensionOutcome Outcome, string? FullName);
