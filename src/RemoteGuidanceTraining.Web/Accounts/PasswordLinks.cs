using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Accounts;

/// <summary>
/// The one way an account gets a password: a link mailed to its address (confirming a registration, accepting an
/// invitation, resetting a forgotten password) opens /Account/SetPassword. Proving the mailbox and choosing the
/// password happen together, so nobody who registered someone else's address can keep a password on it
/// (account pre-hijacking). Tokens are bound to the security stamp: used once, and void after any password change.
/// </summary>
public sealed class PasswordLinks(UserManager<AppUser> users, PublicUrls urls)
{
    public const string Purpose = "set-password";

    /// <summary>Invitation links live longer than reset links: people read a course invitation days later.</summary>
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(14);

    public async Task<string> CreateAsync(AppUser user, PasswordLinkKind kind, string? course = null)
    {
        var token = await users.GenerateUserTokenAsync(user, ProviderOf(kind), Purpose);
        var code = IdentityTokens.Encode(token);
        return urls.Page("/Account/SetPassword", new { userId = user.Id, code, kind = kind.ToString().ToLowerInvariant(), course });
    }

    /// <summary>Checks the link without using it: the page shows nothing of the account to someone without one.</summary>
    public async Task<AppUser?> FindAsync(string? userId, string? code, PasswordLinkKind kind)
    {
        if (userId is null || code is null || await users.FindByIdAsync(userId) is not { } user || IdentityTokens.Decode(code) is not { } token)
        {
            return null;
        }

        return await users.VerifyUserTokenAsync(user, ProviderOf(kind), Purpose, token) ? user : null;
    }

    /// <summary>Sets the password (validated first), confirms the address and lifts a lockout; every old session ends.</summary>
    public async Task<IdentityResult> CompleteAsync(AppUser user, string password)
    {
        var reset = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, reset, password);
        if (!result.Succeeded)
        {
            return result;
        }

        user.EmailConfirmed = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        return await users.UpdateAsync(user);
    }

    private static string ProviderOf(PasswordLinkKind kind) =>
        kind == PasswordLinkKind.Invitation ? InvitationTokenProvider.ProviderName : TokenOptions.DefaultProvider;

}

public enum PasswordLinkKind
{
    Confirm,
    Reset,
    Invitation,
}

/// <summary>Identity's data-protection token provider with the invitation lifetime.</summary>
public sealed class InvitationTokenProvider(
    Microsoft.AspNetCore.DataProtection.IDataProtectionProvider protection,
    IOptions<InvitationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<AppUser>> logger) : DataProtectorTokenProvider<AppUser>(protection, options, logger)
{
    public const string ProviderName = "Invitation";
}

public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenProviderOptions()
    {
        Name = InvitationTokenProvider.ProviderName;
        TokenLifespan = PasswordLinks.InvitationLifetime;
    }
}
