using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Network;

namespace RemoteGuidanceTraining.Web.Pages.Network.Coordination;

/// <summary>Profiles in the coordinator's scope, oldest update first: hide, show again, or ask the person to update.</summary>
public class NetworkCurationModel(NetworkCuration curation, IStringLocalizer<SharedResource> t)
    : NetworkCurationPage
{
    public IReadOnlyList<NetworkCuration.CuratedProfile> Profiles { get; private set; } = [];

    public bool NoScope { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync();
        NoScope = !scope.All && scope.RegionCodes.Count == 0;
        Profiles = await curation.ListAsync(scope, cancellationToken);
    }

    public Task<IActionResult> OnPostHideAsync(int id, CancellationToken cancellationToken) => SetHiddenAsync(id, true, cancellationToken);

    public Task<IActionResult> OnPostShowAsync(int id, CancellationToken cancellationToken) => SetHiddenAsync(id, false, cancellationToken);

    public async Task<IActionResult> OnPostAskAsync(int id, CancellationToken cancellationToken)
    {
        if (!await curation.RequestUpdateAsync(await ScopeAsync(), id, cancellationToken))
        {
            return NotFound();
        }

        TempData["Status"] = t["Network.Curate.Asked"].Value;
        return RedirectToPage();
    }

    private async Task<IActionResult> SetHiddenAsync(int id, bool hidden, CancellationToken cancellationToken)
    {
        if (!await curation.SetHiddenAsync(await ScopeAsync(), id, hidden, ViewerId, cancellationToken))
        {
            return NotFound();
        }

        TempData["Status"] = t[hidden ? "Network.Curate.HiddenStatus" : "Network.Curate.ShownStatus"].Value;
        return RedirectToPage();
    }
}
