using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Pages.Verify;

/// <summary>Public: shows a certificate's state and printed facts, nothing else about the person.</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsServiceCollectionExtensions.VerifyRateLimit)]
public class VerifyModel(AppDbContext db) : PageModel
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
        Found = await db.Certificates.AsNoTracking()
            .Where(c => c.VerificationCode == Code)
            .Select(c => new VerifiedCertificate(c.Status, c.FullName, c.CourseTitle, c.Credits, c.Hours, c.CompletedOn, c.IssuerName, c.SerialNumber, c.RevokedAtUtc))
            .SingleOrDefaultAsync();
    }

    public sealed record VerifiedCertificate(
        CertificateStatus Status, string FullName, string CourseTitle, decimal Credits, int Hours,
        DateOnly CompletedOn, string IssuerName, string SerialNumber, DateTime? RevokedAtUtc);
}
