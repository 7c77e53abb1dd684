using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Security;

namespace RemoteGuidanceTraining.Web.Pages.Account;

/// <summary>Registration asks no password: the mailed link sets it, so nobody can hold a password on another's address.</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsServiceCollectionExtensions.SignInRateLimit)]
[EvenResponseTime]
public class RegisterModel(AccountSetup setup, CertificateNameCheck names) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await setup.RegisterAsync(Input.Email.Trim(), Input.FullName.Trim(), string.IsNullOrWhiteSpace(Input.Organisation) ? null : Input.Organisation.Trim(),
            CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, HttpContext.RequestAborted);
        // Depends on the typed name only, so it tells nothing about whether the address had an account.
        if (names.WarningFor(Input.FullName.Trim()) is { } warning)
        {
            TempData[CertificateNameCheck.WarningKey] = warning;
        }
        return RedirectToPage("RegisterConfirmation");
    }

    public sealed class RegisterInput : ProfileFields
    {
        /// <summary>RFC 5321: an address is at most 254 characters.</summary>
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(AccountLimits.EmailLength, ErrorMessage = "Validation.TooLong")]
        [AccountAddressCharacters(ErrorMessage = "Validation.EmailCharacters")]
        [Display(Name = "Field.Email")]
        public string Email { get; set; } = "";
    }
}
