using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Privacy;

namespace RemoteGuidanceTraining.Web.Pages.Admin;

/// <summary>An admin deletes a person's account on their request (folder convention: admins only); the audit log records who.</summary>
public class DeleteUserModel(UserManager<AppUser> users, AccountDeletion deletion, IStringLocalizer<SharedResource> t) : PageModel
{
    public AppUser? Person { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        Person = await users.FindAccountAsync(id);
        return Person is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, bool confirm)
    {
        Person = await users.FindAccountAsync(id);
        if (Person is null)
        {
            return NotFound();
        }

        var me = User.UserId();
        if (Person.Id == me || !confirm)
        {
            // An admin deletes their own account from their own page, with their password; a missing tick is a no.
            TempData["Status"] = t[Person.Id == me ? "Delete.AdminNotSelf" : "Delete.AdminConfirmMissing"].Value;
            return RedirectToPage(new { id });
        }

        await deletion.DeleteAsync(Person, me, HttpContext.RequestAborted);
        TempData["Status"] = t["Delete.AdminDone"].Value;
        return RedirectToPage("/Admin/Users");
    }
}
