using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
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
        await DoneAsync(Unreadable(nameof(regionId))
            ? "Network.Admin.NoRegion"
            : await admin.AddGroupAsync(regionId, new(code, name, nameSv, nameEn), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostAddMunicipalityAsync(
        int regionId, string? code, string? name, string? nameSv, int? column, int? row, CancellationToken cancellationToken) =>
        await DoneAsync(Unreadable(nameof(regionId)) ? "Network.Admin.NoRegion"
            : column is null || row is null ? "Network.Admin.BadTile"
            : await admin.AddMunicipalityAsync(regionId, new(code, name, nameSv, null), column.Value, row.Value, cancellationToken), cancellationToken);

    /// <summary>
    /// A ticked value that is no number (abc, 2147483648) would bind as an empty list and empty the group: the whole
    /// post is refused instead and changes nothing, as is one naming a municipality outside the group's region.
    /// </summary>
    public async Task<IActionResult> OnPostMembersAsync(int groupId, int[] members, int[] partial, CancellationToken cancellationToken) =>
        await DoneAsync(Unreadable(nameof(groupId)) ? "Network.Admin.NoGroup"
            : Unreadable(nameof(members)) || Unreadable(nameof(partial)) ? "Network.Error.Unknown"
            : await admin.SetMembersAsync(groupId, members, partial, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostDeleteGroupAsync(int groupId, CancellationToken cancellationToken) =>
        await DoneAsync(Unreadable(nameof(groupId)) ? "Network.Admin.NoGroup" : await admin.DeleteGroupAsync(groupId, cancellationToken), cancellationToken);

    /// <summary>A posted value model binding could not read (abc, a number beyond int): never read as 0 or an empty list.</summary>
    private bool Unreadable(string field) => ModelState.GetFieldValidationState(field) == ModelValidationState.Invalid;

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
