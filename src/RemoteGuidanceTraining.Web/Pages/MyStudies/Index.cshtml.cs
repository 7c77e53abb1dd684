using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Pages.MyStudies;

/// <summary>The participant's own courses: progress, the next step, completions and certificates.</summary>
public class MyStudiesModel(AppDbContext db, CatalogHolder catalog, ProgressReader progress, UserManager<AppUser> users) : PageModel
{
    public IReadOnlyList<InProgressRow> InProgress { get; private set; } = [];

    public IReadOnlyList<CompletedRow> Completed { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var userId = users.GetUserId(User)!;
        // Two queries whatever the number of courses: all progress in one, valid certificates in the other.
        var summaries = await progress.SummariesAsync(userId, HttpContext.RequestAborted);
        var certificates = await db.Certificates.AsNoTracking().Where(c => c.UserId == userId && c.Status == CertificateStatus.Valid)
            .Select(c => new { c.Id, c.CourseId, c.CourseTitle, c.Language, c.VerificationCode }).ToListAsync(HttpContext.RequestAborted);
        var completions = summaries.Values.Where(s => s.Completion is not null).Select(s => s.Completion!).ToList();
        InProgress = summaries.Where(s => s.Value.Completion is null)
            .Select(s => catalog.Current.Find(s.Key) is { } course ? s.Value.ToProgress(userId, course) : null)
            .Where(p => p is { IsEnrolled: true }).Select(p => p!)
            .OrderByDescending(p => p.Enrollment!.LastActivityAtUtc).Select(p => new InProgressRow(p)).ToList();
        // A completed course stays listed even if it has since been removed from the catalogue: the certificate remembers it.
        Completed = completions.OrderByDescending(c => c.CompletedAtUtc).Select(c =>
        {
            var certificate = certificates.FirstOrDefault(x => x.CourseId == c.CourseId);
            var course = catalog.Current.Find(c.CourseId);
            return new CompletedRow(certificate?.CourseTitle ?? course?.Title ?? c.CourseId, certificate?.Language ?? course?.Language ?? "fi",
                c.CompletedAtUtc, certificate?.Id, certificate?.VerificationCode);
        }).ToList();
    }

    /// <summary>Only the signed-in person's own certificate: anyone else's id is "not found".</summary>
    public async Task<IActionResult> OnGetCertificateAsync(int id)
    {
        var userId = users.GetUserId(User)!;
        var certificate = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.UserId == userId);
        return certificate is null ? NotFound() : File(certificate.Pdf, "application/pdf", CertificateMails.FileNameOf(certificate));
    }

    public sealed record InProgressRow(CourseProgress Progress);

    public sealed record CompletedRow(string Title, string Language, DateTime CompletedAtUtc, int? CertificateId, string? VerificationCode);
}
