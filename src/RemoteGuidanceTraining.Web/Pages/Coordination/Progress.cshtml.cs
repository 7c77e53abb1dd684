using Microsoft.AspNetCore.Mvc;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Reports;

namespace RemoteGuidanceTraining.Web.Pages.Coordination;

/// <summary>One participant's progress in one course, opened from a name in the report; only people in the viewer's scope.</summary>
public class ProgressModel(CatalogHolder catalog, PersonProgressService progress) : CoordinationPage
{
    public PersonProgress? Person { get; private set; }

    public string CourseId { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string course, string person, CancellationToken cancellationToken)
    {
        var found = catalog.Current.Find(course ?? "");
        if (found is null || string.IsNullOrEmpty(person) || person.Length > FieldLengths.UserId)
        {
            return NotFound();
        }

        CourseId = found.Id;
        Person = await progress.LoadAsync(found, await ScopeAsync(), person, cancellationToken);
        return Person is null ? NotFound() : Page();
    }
}
