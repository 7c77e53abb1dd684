using Microsoft.AspNetCore.Mvc.RazorPages;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Organisations;

namespace RemoteGuidanceTraining.Web.Pages.Coordination;

/// <summary>Base for coordinator pages: knows the viewer and the people they may see (as admins assigned it).</summary>
public abstract class CoordinationPage : PageModel
{
    private CoordinatorScope? _scope;

    protected async Task<CoordinatorScope> ScopeAsync() =>
        _scope ??= await HttpContext.RequestServices.GetRequiredService<CoordinatorScopes>().ForAsync(User, HttpContext.RequestAborted);

    protected string ViewerId => User.UserId()!;
}
