using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Accounts;

/// <summary>
/// Ends a session the moment its account's security stamp changes (signing out, a password change or reset, an
/// admin changing roles), not only at Identity's periodic re-check. The current stamp is cached briefly, and this
/// instance drops the cached value when it changes a stamp (<see cref="AppUserStore"/>); another instance behind the
/// same database notices within <see cref="CacheFor"/>.
/// </summary>
public sealed class SessionValidation(AppDbContext db, IMemoryCache cache, IOptions<IdentityOptions> identity)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal?.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var validation = context.HttpContext.RequestServices.GetRequiredService<SessionValidation>();
        if (!await validation.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    public static void Forget(IMemoryCache cache, string userId) => cache.Remove(Key(userId));

    private async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var userId = principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (userId is null || stamp is null)
        {
            return false;
        }

        var current = await cache.GetOrCreateAsync(Key(userId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(cancellationToken);
        });
        return current == stamp;
    }

    private static string Key(string userId) => "stamp:" + userId;
}

/// <summary>Identity's EF store, telling <see cref="SessionValidation"/> at once when a stamp changes.</summary>
public sealed class AppUserStore(AppDbContext context, IMemoryCache cache, IdentityErrorDescriber? describer = null)
    : UserStore<AppUser, IdentityRole, AppDbContext>(context, describer)
{
    public override async Task SetSecurityStampAsync(AppUser user, string stamp, CancellationToken cancellationToken = default)
    {
        await base.SetSecurityStampAsync(user, stamp, cancellationToken);
        SessionValidation.Forget(cache, user.Id);
    }

    public override async Task<IdentityResult> UpdateAsync(AppUser user, CancellationToken cancellationToken = default)
    {
        var result = await base.UpdateAsync(user, cancellationToken);
        // The new stamp is in the database only now; drop whatever was cached in between.
        SessionValidation.Forget(cache, user.Id);
        return result;
    }
}
