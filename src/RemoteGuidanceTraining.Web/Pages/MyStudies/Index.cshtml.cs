using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Pages.MyStudies;

/// <summary>The participant's own courses: progress, the next step, completions and certificates.</summary>
public class MyStudiesModel(StudyOverview studies, UserManager<AppUser> users) : PageModel
{
    public IReadOnlyList<InProgressRow> InProgress { get; private set; } = [];

    public IReadOnlyList<CompletedCourse> Completed { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var mine = await studies.LoadAsync(users.GetUserId(User)!, HttpContext.RequestAborted);
        InProgress = mine.InProgress.Select(p => new InProgressRow(p)).ToList();
        Completed = mine.Completed;
    }

    /// <summary>Only the signed-in person's own certificate: anyone else's id is "not found".</summary>
    public async Task<IActionResult> OnGetCertificateAsync(int id)
    {
        var certificate = await studies.OwnCertificateAsync(users.GetUserId(User)!, id, HttpContext.RequestAborted);
        return certificate is null ? NotFound() : File(certificate.Pdf, "application/pdf", CertificateMails.FileNameOf(certificate));
    }

    public sealed record InProgressRow(CourseProgress Progress);
}
