using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Certificates;

namespace RemoteGuidanceTraining.Web.Pages.Verify;

/// <summary>Public: shows a certificate's state and printed facts, nothing else about the person.</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsServiceCollectionExtensions.VerifyRateLimit)]
public class VerifyModel(CertificateVerifier verifier) : PageModel
{
    public string? Code { get; private set; }

    public VerifiedCertificate? Found { get; private set; }

    public async Task OnGetAsync(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return;
        }

        Code = VerificationCodes.Normalise(code);
        Found = await verifier.FindAsync(Code, HttpContext.RequestAborted);
    }
}
