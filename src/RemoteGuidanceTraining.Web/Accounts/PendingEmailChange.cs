using Microsoft.AspNetCore.Identity;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Accounts;

/// <summary>
/// The address an account last asked to change to, kept in Identity's user tokens. Identity's change-email token
/// stays valid until the security stamp changes, so without this an earlier request's link (a typo, someone else's
/// mailbox) could still move the account after a newer request; only the latest address may be confirmed.
/// </summary>
public static class PendingEmailChange
{
    private const string Provider = "RemoteGuidanceTraining";
    private const string Name = "PendingEmail";

    /// <summary>Every request is remembered, also one to a taken address that is not mailed: it voids the earlier link too.</summary>
    public static Task RememberAsync(UserManager<AppUser> users, AppUser user, string email) =>
        users.SetAuthenticationTokenAsync(user, Provider, Name, email);

    public static async Task<bool> IsLatestAsync(UserManager<AppUser> users, AppUser user, string email) =>
        string.Equals(await users.GetAuthenticationTokenAsync(user, Provider, Name), email, StringComparison.OrdinalIgnoreCase);

    public static Task ForgetAsync(UserManager<AppUser> users, AppUser user) =>
        users.RemoveAuthenticationTokenAsync(user, Provider, Name);
}
