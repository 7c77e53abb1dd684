using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Pages.Account;

/// <summary>Signing out is a POST (with the anti-forgery token), so a link elsewhere cannot sign anyone out.</summary>
[AllowAnonymous]
public class LogoutModel(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> t) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp voids every copy of the sign-in cookie, not only this browser's (see SessionValidation).
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        TempData["Status"] = t["Logout.Done"].Value;
        return LocalRedirect("/");
    }
}
