using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Pages.Account.Manage;

public class ProfileModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public DateTime CreatedAtUtc { get; private set; }

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
            Organisation = user.Organisation,
            Region = user.Region,
            PreferredLanguage = user.PreferredLanguage,
        };
        CreatedAtUtc = user.CreatedAtUtc;
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
        if (Input.Region is not null && !Regions.IsKnown(Input.Region))
        {
            ModelState.AddModelError("Input.Region", t["Validation.Required", t["Field.Region"]]);
        }

        if (!Cultures.IsSupported(Input.PreferredLanguage))
        {
            ModelState.AddModelError("Input.PreferredLanguage", t["Validation.Required", t["Field.PreferredLanguage"]]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        user.FullName = Input.FullName.Trim();
        user.Organisation = string.IsNullOrWhiteSpace(Input.Organisation) ? null : Input.Organisation.Trim();
        user.Region = Input.Region;
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
        [Display(Name = "Field.PreferredLanguage")]
        public string PreferredLanguage { get; set; } = Cultures.Default;
    }
}
