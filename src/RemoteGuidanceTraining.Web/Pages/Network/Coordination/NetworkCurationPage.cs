using Microsoft.AspNetCore.Mvc.RazorPages;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Network;
using RemoteGuidanceTraining.Web.Organisations;

namespace RemoteGuidanceTraining.Web.Pages.Network.Coordination;

/// <summary>Base for the coordinator's network pages (the folder requires the Coordination policy): knows the scope.</summary>
public abstract class NetworkCurationPage : PageModel
{
    protected async Task<NetworkScope> ScopeAsync() =>
        NetworkScope.For(await HttpContext.RequestServices.GetRequiredService<CoordinatorScopes>().ForAsync(User, HttpContext.RequestAborted));

    protected string ViewerId => User.UserId()!;
}
