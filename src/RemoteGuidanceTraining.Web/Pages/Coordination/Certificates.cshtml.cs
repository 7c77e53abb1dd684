using Microsoft.AspNetCore.Mvc;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Paging;

namespace RemoteGuidanceTraining.Web.Pages.Coordination;

public class CertificatesModel(CertificateRegistry registry) : CoordinationPage
{
    public string? Query { get; private set; }

    public PagedList<CertificateRow> Found { get; private set; } = PagedList<CertificateRow>.Empty;

    public async Task OnGetAsync(string? q, int p = 1)
    {
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Found = await registry.SearchAsync(await ScopeAsync(), Query, p, HttpContext.RequestAborted);
    }

    /// <summary>Another page of the same search.</summary>
    public string PageUrl(int p) => Url.Page("/Coordination/Certificates", new { q = Query, p })!;
}
