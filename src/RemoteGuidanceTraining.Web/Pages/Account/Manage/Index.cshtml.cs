using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Pages.Account.Manage;

public class ProfileModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>Set by an admin, an invitation or an e-mail domain; shown, not editable here.</summary>
    public string? VerifiedOrganisation { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Input = new ProfileInput
        {
            FullName = user.FullName,
            Organisation = user.SelfReportedOrganisation,
            PreferredLanguage = user.PreferredLanguage,
        };
        CreatedAtUtc = user.CreatedAtUtc;
        VerifiedOrganisation = user.Organisation;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        CreatedAtUtc = user.CreatedAtUtc;
        VerifiedOrganisation = user.Organisation;
        if (!Cultures.IsSupported(Input.PreferredLanguage))
        {
            ModelState.AddModelError("Input.PreferredLanguage", t["Validation.Required", t["Field.PreferredLanguage"]]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        user.FullName = Input.FullName.Trim();
        // Only the self-reported field: what people type never changes whose coordinator sees them.
        user.SelfReportedOrganisation = string.IsNullOrWhiteSpace(Input.Organisation) ? null : Input.Organisation.Trim();
        user.PreferredLanguage = Input.PreferredLanguage;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        LocalizationSetup.RememberLanguage(Response, user.PreferredLanguage);
        using (Cultures.Use(user.PreferredLanguage))
        {
            TempData["Status"] = t["Manage.Saved"].Value;
        }

        return RedirectToPage();
    }

    public sealed class ProfileInput : ProfileFields
    {
        // Checked by hand against the supported languages (OnPostAsync), which also covers an empty value.
        [ValidateNever]
        [Display(Name = "Field.PreferredLanguage")]
        public string PreferredLanguage { get; set; } = Cultures.Default;
    }
}
