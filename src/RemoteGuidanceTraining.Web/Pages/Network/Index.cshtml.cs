using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RemoteGuidanceTraining.Web.Network;

namespace RemoteGuidanceTraining.Web.Pages.Network;

/// <summary>Public: the network as a filterable list and a tile map. Plain GET form, so it works without JavaScript.</summary>
[AllowAnonymous]
public class NetworkIndexModel(NetworkDirectory directory) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Municipality { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Language { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Service { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Target { get; set; }

    public NetworkSearchResult Result { get; private set; } = null!;

    public NetworkFilter Filter => new(Area, Municipality, Channel, Language, Service, Target);

    public bool Filtered => new[] { Area, Municipality, Channel, Language, Service, Target }.Any(v => !string.IsNullOrEmpty(v));

    public async Task OnGetAsync(CancellationToken cancellationToken) => Result = await directory.SearchAsync(Filter, cancellationToken);

    /// <summary>The current filters with one changed, as a query string for a link (tile links, exports).</summary>
    public string Query(string? municipality) => QueryString.Create(new Dictionary<string, string?>
    {
        ["area"] = Area, ["municipality"] = municipality, ["channel"] = Channel, ["language"] = Language, ["service"] = Service, ["target"] = Target,
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();
}
