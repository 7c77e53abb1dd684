using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Network;

namespace RemoteGuidanceTraining.Web.Pages.Network.Admin;

/// <summary>Admins (folder convention) edit the map's regions, groups and municipalities.</summary>
public class NetworkAreasModel(NetworkAreasAdmin admin, NetworkDirectory directory, IStringLocalizer<SharedResource> t) : PageModel
{
    public NetworkAreaMap Areas { get; private set; } = new([]);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Areas = await directory.AreasAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddRegionAsync(string? code, string? name, string? nameSv, string? nameEn, CancellationToken cancellationToken) =>
        await DoneAsync(await admin.AddRegionAsync(new(code, name, nameSv, nameEn), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostAddGroupAsync(
        int regionId, string? code, string? name, string? nameSv, string? nameEn, CancellationToken cancellationToken) =>
        await DoneAsync(await admin.AddGroupAsync(regionId, new(code, name, nameSv, nameEn), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostAddMunicipalityAsync(
        int regionId, string? code, string? name, string? nameSv, int? column, int? row, CancellationToken cancellationToken) =>
        await DoneAsync(column is null || row is null
            ? "Network.Admin.BadTile"
            : await admin.AddMunicipalityAsync(regionId, new(code, name, nameSv, null), column.Value, row.Value, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostMembersAsync(int groupId, int[] members, int[] partial, CancellationToken cancellationToken) =>
        await DoneAsync(await admin.SetMembersAsync(groupId, members, partial, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostDeleteGroupAsync(int groupId, CancellationToken cancellationToken)
    {
        await admin.DeleteGroupAsync(groupId, cancellationToken);
        return await DoneAsync(null, cancellationToken);
    }

    private async Task<IActionResult> DoneAsync(string? problem, CancellationToken cancellationToken)
    {
        if (problem is null)
        {
            TempData["Status"] = t["Network.Admin.Saved"].Value;
            return RedirectToPage();
        }

        ModelState.AddModelError("", t[problem]);
        Areas = await directory.AreasAsync(cancellationToken);
        return Page();
    }
}
