using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Pages.Account;

[AllowAnonymous]
public class RegisterModel(UserManager<AppUser> users, AccountMails mails) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.Region is not null && !Regions.IsKnown(Input.Region))
        {
            ModelState.AddModelError("Input.Region", "Validation.Required");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            // Same answer as for a new address, so the form does not reveal who has an account.
            return RedirectToPage("RegisterConfirmation");
        }

        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            FullName = Input.FullName.Trim(),
            Organisation = Input.Organisation?.Trim(),
            Region = Input.Region,
            PreferredLanguage = Cultures.IsSupported(language) ? language : Cultures.Default,
        };
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return Page();
        }

        await users.AddToRoleAsync(user, Roles.Participant);
        await SendConfirmationAsync(users, mails, user, Url, Request.Scheme);
        return RedirectToPage("RegisterConfirmation");
    }

    internal static async Task SendConfirmationAsync(UserManager<AppUser> users, AccountMails mails, AppUser user, IUrlHelper url, string scheme)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = url.Page("/Account/ConfirmEmail", null, new { userId = user.Id, code }, scheme)!;
        await mails.SendConfirmationAsync(user, link);
    }

    public sealed class RegisterInput : ProfileFields
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [Display(Name = "Field.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, MinimumLength = 10, ErrorMessage = "Validation.PasswordLength")]
        [DataType(DataType.Password)]
        [Display(Name = "Field.Password")]
        public string Password { get; set; } = "";

        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
        [Display(Name = "Field.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";
    }
}
