using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Organisations;

namespace RemoteGuidanceTraining.Web.Pages.Admin;

/// <summary>
/// The list of organisations admins keep: add, rename, set the region, tie e-mail domains, merge two spellings.
/// A refused form is shown again on the page with its message and what was typed in it; a saved one redirects.
/// </summary>
public class OrganisationsModel(OrganisationDirectory directory, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<OrganisationRow> Organisations { get; private set; } = [];

    /// <summary>The form that was refused, if any.</summary>
    public Refusal? Refused { get; private set; }

    public async Task OnGetAsync() => Organisations = await directory.ListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostCreateAsync(string? name, string? region) =>
        await DoneAsync(await directory.CreateAsync(name, Empty(region), HttpContext.RequestAborted), "Orgs.Saved",
            new Refusal(Refusal.Create, null) { Name = name, Region = region });

    public async Task<IActionResult> OnPostUpdateAsync(int id, string? name, string? region) =>
        await DoneAsync(await directory.UpdateAsync(id, name, Empty(region), HttpContext.RequestAborted), "Orgs.Saved",
            new Refusal(Refusal.Update, id) { Name = name, Region = region });

    public async Task<IActionResult> OnPostAddDomainAsync(int id, string? domain) =>
        await DoneAsync(await directory.AddDomainAsync(id, domain, HttpContext.RequestAborted), "Orgs.Saved",
            new Refusal(Refusal.AddDomain, id) { Domain = domain });

    public async Task<IActionResult> OnPostRemoveDomainAsync(int domainId)
    {
        await directory.RemoveDomainAsync(domainId, HttpContext.RequestAborted);
        TempData["Status"] = t["Orgs.Saved"].Value;
        return RedirectToPage();
    }

    /// <summary>
    /// Removes one organisation and moves its people, domains and coordinators' scopes: like other destructive actions,
    /// only with the box ticked. Refused without it, the form comes back naming the two organisations and the people.
    /// </summary>
    public async Task<IActionResult> OnPostMergeAsync(int sourceId, int targetId, bool confirm) =>
        await DoneAsync(confirm || sourceId == targetId ? await directory.MergeAsync(sourceId, targetId, HttpContext.RequestAborted) : "Orgs.MergeNotConfirmed",
            "Orgs.Merged", new Refusal(Refusal.Merge, null) { SourceId = sourceId, TargetId = targetId });

    /// <summary>The merge a refused form asked for, when both organisations exist and differ: the box then names them.</summary>
    public (OrganisationRow Source, OrganisationRow Target)? MergeAskedFor() =>
        RefusedIn(Refusal.Merge) is { } r && r.SourceId != r.TargetId
        && Organisations.FirstOrDefault(o => o.Id == r.SourceId) is { } source && Organisations.FirstOrDefault(o => o.Id == r.TargetId) is { } target
            ? (source, target) : null;

    /// <summary>The refusal of this form (and organisation), if it was the one refused.</summary>
    public Refusal? RefusedIn(string form, int? id = null) => Refused is { } r && r.Form == form && r.Id == id ? r : null;

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private async Task<IActionResult> DoneAsync(string? error, string successKey, Refusal refusal)
    {
        if (error is null)
        {
            TempData["Status"] = t[successKey].Value;
            return RedirectToPage();
        }

        Refused = refusal with { Message = t[error] };
        await OnGetAsync();
        return Page();
    }

    /// <summary>A refused form: which one, for which organisation, its message and the values as they were posted.</summary>
    public sealed record Refusal(string Form, int? Id)
    {
        public const string Create = "create";
        public const string Update = "update";
        public const string AddDomain = "domain";
        public const string Merge = "merge";

        public string Message { get; init; } = "";

        public string? Name { get; init; }

        public string? Region { get; init; }

        public string? Domain { get; init; }

        public int? SourceId { get; init; }

        public int? TargetId { get; init; }
    }
}
