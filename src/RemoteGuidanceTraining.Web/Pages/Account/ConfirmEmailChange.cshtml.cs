using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Pages.Account;

[AllowAnonymous]
public class ConfirmEmailChangeModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, EmailChange change) : PageModel
{
    public EmailChangeOutcome Outcome { get; private set; } = EmailChangeOutcome.Invalid;

    /// <summary>The address asked for, named only when it is taken: whoever opened the link holds that mailbox.</summary>
    public string? Email { get; private set; }

    public async Task OnGetAsync(string? userId, string? email, string? code, CancellationToken cancellationToken)
    {
        if (userId is null || email is null || IdentityTokens.Decode(code) is not { } token || await users.FindByIdAsync(userId) is not { } user)
        {
            return;
        }

        Outcome = await change.ConfirmAsync(user, email, token, cancellationToken);
        Email = email;
        if (Outcome == EmailChangeOutcome.Changed && signIn.IsSignedIn(User))
        {
            await signIn.RefreshSignInAsync(user);
        }
    }
}
