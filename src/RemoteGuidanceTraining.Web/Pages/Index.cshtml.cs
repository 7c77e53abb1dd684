using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Pages;

[AllowAnonymous]
public class IndexModel(UserManager<AppUser> users) : PageModel
{
    public string? FullName { get; private set; }

    public async Task OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            FullName = (await users.GetUserAsync(User))?.FullName;
        }
    }
}
