using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Pages.Coordination;

/// <summary>Base for coordinator pages: knows the viewer and the people they may see.</summary>
public abstract class CoordinationPage(UserManager<AppUser> users) : PageModel
{
    protected async Task<CoordinatorScope> ScopeAsync()
    {
        var viewer = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        return CoordinatorScope.For(viewer, User.IsInRole(Roles.Admin));
    }

    protected string ViewerId => users.GetUserId(User)!;
}
