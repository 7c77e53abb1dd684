using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Pages.Account;

[AllowAnonymous]
public class ConfirmEmailChangeModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    public bool Changed { get; private set; }

    public async Task OnGetAsync(string? userId, string? email, string? code)
    {
        if (userId is null || email is null || IdentityTokens.Decode(code) is not { } token || await users.FindByIdAsync(userId) is not { } user
            || !await PendingEmailChange.IsLatestAsync(users, user, email)
            || !(await users.ChangeEmailAsync(user, email, token)).Succeeded)
        {
            return;
        }

        await PendingEmailChange.ForgetAsync(users, user);

        // The address is also the user name people sign in with.
        await users.SetUserNameAsync(user, email);
        Changed = true;
        if (signIn.IsSignedIn(User))
        {
            await signIn.RefreshSignInAsync(user);
        }
    }
}
