using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Privacy;

namespace RemoteGuidanceTraining.Web.Pages.Account.Manage;

/// <summary>
/// "My data": the download is a POST (with the anti-forgery token) so another site cannot start an export,
/// and it is recorded in the audit log.
/// </summary>
public class DataModel(UserManager<AppUser> users, DataExport export, TimeProvider clock) : PageModel
{
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

        var zip = await export.CreateZipAsync(user, HttpContext.RequestAborted);
        return File(zip, "application/zip", $"my-data-{RemoteGuidanceTraining.Web.Localization.HelsinkiTime.Today(clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}.zip");
    }
}
