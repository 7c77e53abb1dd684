using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Pages.Account.Manage;

/// <summary>The new address takes effect only when its owner opens the link sent to it.</summary>
public class EmailModel(UserManager<AppUser> users, EmailChange change, IStringLocalizer<SharedResource> t) : PageModel
{
    public string CurrentEmail { get; private set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(AccountLimits.EmailLength, ErrorMessage = "Validation.TooLong")]
    [AccountAddressCharacters(ErrorMessage = "Validation.EmailCharacters")]
    [Display(Name = "Field.NewEmail")]
    public string NewEmail { get; set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        CurrentEmail = user.Email ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        CurrentEmail = user.Email ?? "";
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = NewEmail.Trim();
        if (string.Equals(email, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(NewEmail), t["Manage.EmailUnchanged"]);
            return Page();
        }

        await change.RequestAsync(user, email, HttpContext.RequestAborted);
        TempData["Status"] = t["Manage.EmailChangeSent", email].Value;
        return RedirectToPage();
    }
}
