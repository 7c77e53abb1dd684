using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Organisations;

namespace RemoteGuidanceTraining.Web.Pages.Admin;

/// <summary>The list of organisations admins keep: add, rename, set the region, tie e-mail domains, merge two spellings.</summary>
public class OrganisationsModel(OrganisationDirectory directory, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<OrganisationRow> Organisations { get; private set; } = [];

    public async Task OnGetAsync() => Organisations = await directory.ListAsync(HttpContext.RequestAborted);

    public Task<IActionResult> OnPostCreateAsync(string? name, string? region) =>
        DoneAsync(directory.CreateAsync(name, Empty(region), HttpContext.RequestAborted), "Orgs.Saved");

    public Task<IActionResult> OnPostUpdateAsync(int id, string? name, string? region) =>
        DoneAsync(directory.UpdateAsync(id, name, Empty(region), HttpContext.RequestAborted), "Orgs.Saved");

    public Task<IActionResult> OnPostAddDomainAsync(int id, string? domain) =>
        DoneAsync(directory.AddDomainAsync(id, domain, HttpContext.RequestAborted), "Orgs.Saved");

    public async Task<IActionResult> OnPostRemoveDomainAsync(int domainId)
    {
        await directory.RemoveDomainAsync(domainId, HttpContext.RequestAborted);
        return await DoneAsync(Task.FromResult<string?>(null), "Orgs.Saved");
    }

    public Task<IActionResult> OnPostMergeAsync(int sourceId, int targetId) =>
        DoneAsync(directory.MergeAsync(sourceId, targetId, HttpContext.RequestAborted), "Orgs.Merged");

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private async Task<IActionResult> DoneAsync(Task<string?> action, string successKey)
    {
        var error = await action;
        TempData["Status"] = t[error ?? successKey].Value;
        return RedirectToPage();
    }
}
