using Microsoft.AspNetCore.Mvc.RazorPages;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Courses;

namespace RemoteGuidanceTraining.Web.Pages.Trainer;

/// <summary>
/// Every problem in the course files, with file and line; the page reflects the latest reload. It also says when
/// the site's certificate issuer or signatory is not set, since trainers and admins are the ones to notice.
/// </summary>
public class CourseProblemsModel(CatalogHolder catalog, CertificateSigner signer) : PageModel
{
    public CourseCatalog? Catalog { get; private set; }

    public bool CertificateSettingsComplete { get; private set; }

    public void OnGet()
    {
        Catalog = catalog.Current;
        CertificateSettingsComplete = signer.Current.IsComplete;
    }
}
