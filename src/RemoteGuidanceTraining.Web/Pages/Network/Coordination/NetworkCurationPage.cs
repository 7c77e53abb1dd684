using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Network;
using RemoteGuidanceTraining.Web.Organisations;

namespace RemoteGuidanceTraining.Web.Pages.Network.Coordination;

/// <summary>Base for the coordinator's network pages (the folder requires the Coordination policy): knows the scope.</summary>
public abstract class NetworkCurationPage(UserManager<AppUser> users) : PageModel
{
    protected async Task<NetworkScope> ScopeAsync() =>
        NetworkScope.For(await HttpContext.RequestServices.GetRequiredService<CoordinatorScopes>().ForAsync(User, HttpContext.RequestAborted));

    protected string ViewerId => users.GetUserId(User)!;
}
