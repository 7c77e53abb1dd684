using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Localization;
using RemoteGuidanceTraining.Web.Security;

namespace RemoteGuidanceTraining.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(AccountsServiceCollectionExtensions.SignInRateLimit)]
[EvenResponseTime]
public class LoginModel(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> t, IOptions<AppOptions> app) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl) => ReturnUrl = SafeReturnUrl(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await signIn.UserManager.FindByEmailAsync(Input.Email.Trim());
        if (user is not { EmailConfirmed: true })
        {
            // No account, or one never confirmed: the same answer as a wrong password, after the same hashing work.
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(user ?? new AppUser(), DummyHash, Input.Password);
            return Failed();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            LocalizationSetup.RememberLanguage(Response, user.PreferredLanguage);
            return LocalRedirect(ReturnUrl);
        }

        // A closed account answers NotAllowed before Identity looks at the password (AppSignInManager). Only whoever
        // knows the password is told it was closed and whom to ask; anyone else gets the usual answer. The password
        // is checked here as Identity would: a wrong one counts towards the lockout, and a locked account says nothing,
        // so a closed account is no unlimited "is this the password?" test.
        if (result.IsNotAllowed && user.SuspendedAtUtc is not null && !await signIn.UserManager.IsLockedOutAsync(user))
        {
            if (await signIn.UserManager.CheckPasswordAsync(user, Input.Password))
            {
                ModelState.AddModelError(string.Empty, t["Login.Suspended", app.Value.SiteName]);
                return Page();
            }

            await signIn.UserManager.AccessFailedAsync(user);
        }

        // A locked account gets the same answer as a wrong password: a page of its own would tell anyone who tries five
        // passwords that the address has a confirmed account (unknown addresses never lock). The answer says that
        // repeated failures stop signing in for a while, so the owner still learns why the right password fails.
        return Failed();
    }

    private PageResult Failed()
    {
        ModelState.AddModelError(string.Empty, t["Login.Failed"] + " " + t["Login.LockoutRule", signIn.Options.Lockout.MaxFailedAccessAttempts, (int)signIn.Options.Lockout.DefaultLockoutTimeSpan.TotalMinutes]);
        return Page();
    }

    /// <summary>A hash of a random password, made once, so an unknown address costs the same as a wrong password.</summary>
    private static readonly string DummyHash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString());

    private string SafeReturnUrl(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : "/";

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(AccountLimits.EmailLength, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Field.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(AccountLimits.PasswordMaxLength, ErrorMessage = "Validation.TooLong")]
        [DataType(DataType.Password)]
        [Display(Name = "Field.Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Field.RememberMe")]
        public bool RememberMe { get; set; }
    }
}
