using Microsoft.AspNetCore.Mvc.RazorPages;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Authoring;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Courses;

namespace RemoteGuidanceTraining.Web.Pages.Trainer;

/// <summary>
/// Every problem in the course files, with file and line; the page reflects the latest reload. It also says when
/// the site's certificate issuer or signatory is not set, since trainers and admins are the ones to notice. A problem
/// in a course this trainer edits links to its file in the editor, as on the workspace's pages.
/// </summary>
public class CourseProblemsModel(CatalogHolder catalog, CertificateSigner signer, CourseWorkspace workspace, EditorResolver editors) : PageModel
{
    private IReadOnlyList<WorkspaceCourse> _editable = [];

    public CourseCatalog? Catalog { get; private set; }

    public bool CertificateSettingsComplete { get; private set; }

    public async Task OnGetAsync()
    {
        Catalog = catalog.Current;
        CertificateSettingsComplete = signer.Current.IsComplete;
        _editable = await editors.CurrentAsync(User) is { } editor ? workspace.Courses(editor) : [];
    }

    /// <summary>The course the problem's file belongs to, when this trainer may edit it; otherwise null.</summary>
    public WorkspaceCourse? EditableCourseOf(CourseProblem problem) =>
        _editable.FirstOrDefault(course => problem.File.StartsWith(course.Id + "/", StringComparison.Ordinal));
}
