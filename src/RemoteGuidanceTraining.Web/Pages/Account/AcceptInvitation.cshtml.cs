using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Pages.Account;

/// <summary>
/// An invited person sets a password and lands in the course. The invitation link carries a password-reset token,
/// so opening it also proves the address.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsServiceCollectionExtensions.SignInRateLimit)]
public class AcceptInvitationModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, CatalogHolder catalog) : PageModel
{
    public string? UserId { get; private set; }

    public string? Code { get; private set; }

    public string? Course { get; private set; }

    public string? FullName { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, MinimumLength = 10, ErrorMessage = "Validation.PasswordLength")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.Password")]
    public string Password { get; set; } = "";

    [BindProperty]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
    [Display(Name = "Field.ConfirmPassword")]
    public string ConfirmPassword { get; set; } = "";

    public async Task OnGetAsync(string? userId, string? code, string? course)
    {
        ModelState.Clear();
        await LoadAsync(userId, code, course);
    }

    public async Task<IActionResult> OnPostAsync(string? userId, string? code, string? course)
    {
        var user = await LoadAsync(userId, code, course);
        if (user is null || !ModelState.IsValid)
        {
            return Page();
        }

        IdentityResult result;
        try
        {
            result = await users.ResetPasswordAsync(user, Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code!)), Password);
        }
        catch (FormatException)
        {
            result = IdentityResult.Failed(users.ErrorDescriber.InvalidToken());
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return Page();
        }

        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        await signIn.SignInAsync(user, isPersistent: false);
        LocalizationSetup.RememberLanguage(Response, user.PreferredLanguage);
        var first = catalog.Current.Find(course ?? "")?.Lessons.FirstOrDefault();
        return LocalRedirect(first is null ? "/my-studies" : $"/courses/{course}/{first.ModuleId}/{first.Id}");
    }

    private async Task<AppUser?> LoadAsync(string? userId, string? code, string? course)
    {
        (UserId, Code, Course) = (userId, code, course);
        var user = userId is null || code is null ? null : await users.FindByIdAsync(userId);
        FullName = user?.FullName;
        return user;
    }
}
