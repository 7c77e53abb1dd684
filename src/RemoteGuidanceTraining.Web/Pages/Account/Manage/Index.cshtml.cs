using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Pages.Account.Manage;

public class ProfileModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, CertificateNameCheck names, IStringLocalizer<SharedResource> t) : PageModel
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

        var renamed = user.FullName != Input.FullName.Trim();
        user.FullName = Input.FullName.Trim();
        // Only the self-reported field: what people type never changes whose coordinator sees them.
        user.SelfReportedOrganisation = string.IsNullOrWhiteSpace(Input.Organisation) ? null : Input.Organisation.Trim();
        user.PreferredLanguage = Input.PreferredLanguage;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        LocalizationSetup.RememberLanguage(Response, user.PreferredLanguage);
        // Certificates are snapshots: a new name does not reach them, and the person should hear that here.
        var keptOnCertificates = renamed && await names.IssuedUnderAnotherNameAsync(user.Id, user.FullName, HttpContext.RequestAborted);
        using (Cultures.Use(user.PreferredLanguage))
        {
            TempData["Status"] = t[keptOnCertificates ? "Manage.SavedCertificatesKeepName" : "Manage.Saved"].Value;
            if (renamed && names.WarningFor(user.FullName) is { } warning)
            {
                TempData[CertificateNameCheck.WarningKey] = warning;
            }
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
