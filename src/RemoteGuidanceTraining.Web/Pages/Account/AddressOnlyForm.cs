using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RemoteGuidanceTraining.Web.Accounts;

namespace RemoteGuidanceTraining.Web.Pages.Account;

/// <summary>
/// A form that asks for an address only and mails a link to it (forgotten password, lost confirmation). It answers
/// with the same page whether or not the address has an account, so the form does not reveal who is registered.
/// </summary>
public abstract class AddressOnlyForm : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(AccountLimits.EmailLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = "";

    /// <summary>The page shown after a post, account or not.</summary>
    protected abstract string SentPage { get; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await SendAsync(Email.Trim(), HttpContext.RequestAborted);
        return RedirectToPage(SentPage);
    }

    protected abstract Task SendAsync(string email, CancellationToken cancellationToken);
}
