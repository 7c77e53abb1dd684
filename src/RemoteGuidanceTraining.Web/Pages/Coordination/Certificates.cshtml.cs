using Microsoft.AspNetCore.Identity;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Pages.Coordination;

public class CertificatesModel(CertificateRegistry registry, UserManager<AppUser> users) : CoordinationPage(users)
{
    public string? Query { get; private set; }

    public IReadOnlyList<CertificateRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(string? q)
    {
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Rows = await registry.SearchAsync(await ScopeAsync(), Query, HttpContext.RequestAborted);
    }
}
