using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Security;

namespace RemoteGuidanceTraining.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(AccountsServiceCollectionExtensions.SignInRateLimit)]
[EvenResponseTime]
public class ForgotPasswordModel(AccountSetup setup) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(AccountLimits.EmailLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Same page whether or not the address has an account: the form must not reveal who is registered.
        await setup.SendPasswordResetAsync(Email.Trim(), HttpContext.RequestAborted);
        return RedirectToPage("ForgotPasswordConfirmation");
    }
}
