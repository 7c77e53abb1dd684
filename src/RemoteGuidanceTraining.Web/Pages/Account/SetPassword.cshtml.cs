using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Pages.Account;

/// <summary>
/// Every mailed account link lands here: confirming a registration, accepting an invitation, resetting a password.
/// The person proves the mailbox and chooses the password in one step (see <see cref="PasswordLinks"/>). Without a
/// valid link the page shows nothing about the account.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsServiceCollectionExtensions.SignInRateLimit)]
public class SetPasswordModel(AccountSetup setup, CohortInvitations invitations, CertificateNameCheck names, IStringLocalizer<SharedResource> t, IOptions<AppOptions> app) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public PasswordLinkKind Kind { get; set; } = PasswordLinkKind.Reset;

    [BindProperty(SupportsGet = true)]
    public string? Course { get; set; }

    /// <summary>Shown only with a valid link: the holder of the link owns this mailbox.</summary>
    public string? Email { get; private set; }

    /// <summary>
    /// Asked with the first password (<see cref="AsksName"/>): whoever registered or invited the address typed it, and
    /// it goes on certificates, so the mailbox's owner confirms or corrects it here.
    /// </summary>
    [BindProperty]
    [StringLength(AccountLimits.NameLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.FullName")]
    public string? FullName { get; set; }

    /// <summary>The account has never had its address confirmed: this is its first password.</summary>
    public bool AsksName { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(AccountLimits.PasswordMaxLength, MinimumLength = AccountLimits.PasswordMinLength, ErrorMessage = "Validation.PasswordLength")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.NewPassword")]
    public string Password { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
    [Display(Name = "Field.ConfirmPassword")]
    public string ConfirmPassword { get; set; } = "";

    public async Task OnGetAsync()
    {
        ModelState.Clear();
        var user = await setup.FindLinkAsync(UserId, Code, Kind);
        Email = user?.Email;
        AsksName = user is { EmailConfirmed: false };
        FullName = AsksName ? user!.FullName : null;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await setup.FindLinkAsync(UserId, Code, Kind);
        Email = user?.Email;
        AsksName = user is { EmailConfirmed: false };
        if (AsksName && string.IsNullOrWhiteSpace(FullName))
        {
            ModelState.AddModelError(nameof(FullName), t["Validation.Required", t["Field.FullName"]]);
        }

        if (user is null || !ModelState.IsValid)
        {
            return Page();
        }

        if (AsksName)
        {
            user.FullName = FullName!.Trim(); // saved with the password
            // The first password is set on a page in the language the person reads it in: that becomes their
            // language. An invitation only guessed it from the course, and the site would switch a Swedish reader to
            // the course's Finnish the moment they saved.
            user.PreferredLanguage = Cultures.SpokenOrDefault(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        }

        var result = await setup.SetPasswordAndSignInAsync(user, Password, HttpContext.RequestAborted);
        if (result.Errors.Any(e => e.Code == AccountSetup.UsedLink))
        {
            Email = null; // shown as the used link it now is
            return Page();
        }

        if (!result.Succeeded)
        {
            // The password rules' errors (PasswordTooShort …) stand by the password field; anything else is the form's.
            ModelState.AddErrorsOf(result, error => error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Password) : "");
            return Page();
        }

        if (user.SuspendedAtUtc is not null)
        {
            // The password is saved, but a closed account is not signed in: the sign-in page says why.
            TempData["Status"] = t["Login.Suspended", app.Value.SiteName].Value;
            return RedirectToPage("/Account/Login");
        }

        LocalizationSetup.RememberLanguage(Response, user.PreferredLanguage);
        using (Cultures.Use(user.PreferredLanguage))
        {
            if (AsksName && names.WarningFor(user.FullName) is { } warning)
            {
                TempData[CertificateNameCheck.WarningKey] = warning;
            }
        }

        // An invitation the link did not accept (someone else's cohort, or one sent to an account that already
        // existed) is the person's to accept or decline: they see it first.
        if ((await invitations.PendingAsync(user.Id, HttpContext.RequestAborted)).Count > 0)
        {
            return RedirectToPage("/Account/Invitations");
        }

        return LocalRedirect(setup.StartPage(Course));
    }
}
