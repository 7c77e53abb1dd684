using Microsoft.AspNetCore.Mvc.RazorPages;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Courses;

namespace RemoteGuidanceTraining.Web.Pages.Trainer;

/// <summary>Every problem in the course files, with file and line; the page reflects the latest reload.</summary>
public class CourseProblemsModel(CatalogHolder catalog) : PageModel
{
    public CourseCatalog? Catalog { get; private set; }

    public void OnGet() => Catalog = catalog.Current;
}
