using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Network;

namespace RemoteGuidanceTraining.Web.Pages.Network;

/// <summary>Public: the published network (with the page's filters) as CSV or JSON; fields in docs/network.md.</summary>
[AllowAnonymous]
public class NetworkExportModel(NetworkDirectory directory, PublicUrls urls, IStringLocalizer<SharedResource> t) : PageModel
{
    public async Task<IActionResult> OnGetAsync(
        string format, string? area, string? municipality, string? channel, string? language, string? service, string? target,
        CancellationToken cancellationToken)
    {
        if (format is not ("csv" or "json"))
        {
            return NotFound();
        }

        var filter = new NetworkFilter(area, municipality, channel, language, service, target);
        var rows = await directory.ExportAsync(filter, urls.Verification, cancellationToken);
        var buffer = new MemoryStream();
        if (format == "csv")
        {
            await NetworkExport.WriteCsvAsync(buffer, rows);
        }
        else
        {
            await NetworkExport.WriteJsonAsync(buffer, rows, cancellationToken);
        }

        buffer.Position = 0;
        return format == "csv"
            ? File(buffer, "text/csv; charset=utf-8", $"{t["Network.FileName"]}.csv")
            : File(buffer, "application/json; charset=utf-8", $"{t["Network.FileName"]}.json");
    }
}
