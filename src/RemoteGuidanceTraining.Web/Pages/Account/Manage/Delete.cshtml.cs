using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Privacy;

namespace RemoteGuidanceTraining.Web.Pages.Account.Manage;

/// <summary>Deleting one's own account: what goes and what stays is on the page; the password confirms it.</summary>
public class DeleteModel(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountDeletion deletion, Accounts.SignInAbility signInAbility, IStringLocalizer<SharedResource> t)
    : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(Accounts.AccountLimits.PasswordMaxLength, ErrorMessage = "Validation.TooLong")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.CurrentPassword")]
    public string Password { get; set; } = "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await users.CheckPasswordAsync(user, Password))
        {
            ModelState.AddModelError(nameof(Password), t["Delete.WrongPassword"]);
            return Page();
        }

        Task DeleteAsync() => deletion.DeleteAsync(user, user.Id, HttpContext.RequestAborted);
        if (!await signInAbility.WriteKeepingAnAdminAsync(user.Id, await users.IsInRoleAsync(user, Accounts.Roles.Admin), DeleteAsync, HttpContext.RequestAborted))
        {
            // The last admin who can sign in leaving would leave nobody to manage the site.
            ModelState.AddModelError(string.Empty, t["Delete.LastAdmin"]);
            return Page();
        }

        await signIn.SignOutAsync();
        TempData["Status"] = t["Delete.Done"].Value;
        return RedirectToPage("/Index");
    }
}
