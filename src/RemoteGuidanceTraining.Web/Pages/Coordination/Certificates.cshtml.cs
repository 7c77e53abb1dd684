using RemoteGuidanceTraining.Web.Certificates;

namespace RemoteGuidanceTraining.Web.Pages.Coordination;

public class CertificatesModel(CertificateRegistry registry) : CoordinationPage
{
    public string? Query { get; private set; }

    public IReadOnlyList<CertificateRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(string? q)
    {
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Rows = await registry.SearchAsync(await ScopeAsync(), Query, HttpContext.RequestAborted);
    }
}
