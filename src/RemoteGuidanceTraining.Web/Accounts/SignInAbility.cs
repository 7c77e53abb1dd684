using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Accounts;

/// <summary>
/// Whether an account can sign in now, and whether the site keeps an admin who can. A role on an account that cannot
/// sign in does nothing and can vanish (the retention job deletes never-confirmed accounts whatever their roles), so
/// the last-admin guards count only admins who can sign in, and roles are not granted to anyone else.
/// </summary>
public sealed class SignInAbility(AppDbContext db, TimeProvider clock, DatabaseLocks locks)
{
    /// <summary>The lock every change that can end someone being an admin takes across its check and its write.</summary>
    public const string AdminsLock = "admins";

    /// <summary>
    /// Not closed by an admin, a confirmed address, a password and no lockout in force. A deleted account's stub has neither address nor
    /// password; an account still waiting for its confirmation or invitation link has no password yet.
    /// </summary>
    public bool CanSignIn(AppUser user) => WhyCannotSignIn(user) is null;

    /// <summary>What keeps the account from signing in now, the first of them; null when it can (the one rule of <see cref="CanSignIn"/>).</summary>
    public SignInBlock? WhyCannotSignIn(AppUser user) =>
        user.SuspendedAtUtc is not null ? SignInBlock.Suspended
        : user.Email is null || !user.EmailConfirmed ? SignInBlock.Unconfirmed
        : user.PasswordHash is null ? SignInBlock.NoPassword
        : user.LockoutEnd is { } end && end > clock.GetUtcNow() ? SignInBlock.LockedOut
        : null;

    /// <summary>Whether an admin who can sign in remains if this account stops being one (deleted, or the role removed).</summary>
    public async Task<bool> AnotherAdminCanSignInAsync(string userId, CancellationToken cancellationToken)
    {
        // Admins are few: read them and apply the one rule here (SQLite cannot compare the lockout's DateTimeOffset).
        var admins = await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            join u in db.Users on ur.UserId equals u.Id
                            where r.Name == Roles.Admin && u.Id != userId
                            select u).AsNoTracking().ToListAsync(cancellationToken);
        return admins.Any(CanSignIn);
    }

    /// <summary>
    /// Runs <paramref name="write"/>. When it ends this account being an admin who can sign in (its deletion, closing,
    /// the role removed: <paramref name="endsAnAdmin"/>), only if another such admin remains; false, with nothing
    /// written, if not. Check and write hold one lock: two admins stepping down at once would otherwise both find the
    /// other and leave no admin.
    /// </summary>
    public async Task<bool> WriteKeepingAnAdminAsync(string userId, bool endsAnAdmin, Func<Task> write, CancellationToken cancellationToken)
    {
        if (!endsAnAdmin)
        {
            await write();
            return true;
        }

        await using var admins = await locks.AcquireAsync(AdminsLock, cancellationToken);
        if (!await AnotherAdminCanSignInAsync(userId, cancellationToken))
        {
            return false;
        }

        await write();
        return true;
    }
}

/// <summary>Why an account cannot sign in: closed by an admin, its address unconfirmed, no password set yet, or a lockout in force.</summary>
public enum SignInBlock
{
    /// <summary>Named first: the admin's own decision says more than what else may also hold.</summary>
    Suspended,
    Unconfirmed,
    NoPassword,
    LockedOut,
}
