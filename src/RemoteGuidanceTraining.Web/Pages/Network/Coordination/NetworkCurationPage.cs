using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Network;

namespace RemoteGuidanceTraining.Web.Pages.Network.Coordination;

/// <summary>Base for the coordinator's network pages (the folder requires the Coordination policy): knows the scope.</summary>
public abstract class NetworkCurationPage(UserManager<AppUser> users) : PageModel
{
    protected async Task<NetworkScope> ScopeAsync()
    {
        var viewer = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        return NetworkScope.For(viewer, User.IsInRole(Roles.Admin));
    }

    protected string ViewerId => users.GetUserId(User)!;
}
