using Microsoft.AspNetCore.Mvc;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Reports;

namespace RemoteGuidanceTraining.Web.Pages.Coordination;

/// <summary>One participant's progress in one course, opened from a name in the report; only people in the viewer's scope.</summary>
public class ProgressModel(CatalogHolder catalog, PersonProgressService progress) : CoordinationPage
{
    public PersonProgress? Person { get; private set; }

    public string CourseId { get; private set; } = "";

    /// <summary>The language of the course's own texts (course, module, lesson, quiz and task titles).</summary>
    public string CourseLanguage { get; private set; } = "";

    /// <summary>The report or grid view the person was opened from, or the course's report.</summary>
    public string BackUrl { get; private set; } = "";

    public bool BackToGrid { get; private set; }

    /// <summary>The course is not served: the progress cannot be laid out against its lessons, and the page says why (503).</summary>
    public UnavailableCourse? Unavailable { get; private set; }

    public async Task<IActionResult> OnGetAsync(string course, string person, string? returnUrl, CancellationToken cancellationToken)
    {
        var found = catalog.Current.Find(course ?? "");
        // An id no course ever had stays "not found"; a removed folder is told apart from it by the enrolment of a
        // person the viewer may see (checked in scope, so the answer says nothing about anyone else).
        if (found is null && !string.IsNullOrEmpty(person) && person.Length <= FieldLengths.UserId && catalog.Current.Unserved(course) is { } unserved
            && (!unserved.Removed || await progress.IsVisibleEnrolmentAsync(unserved.Id, await ScopeAsync(), person, cancellationToken)))
        {
            Unavailable = unserved;
            BackUrl = IsViewOf("/Coordination/Grid", returnUrl) || IsViewOf("/Coordination/Reports", returnUrl) ? returnUrl! : Url.Page("/Coordination/Reports")!;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }

        if (found is null || string.IsNullOrEmpty(person) || person.Length > FieldLengths.UserId)
        {
            return NotFound();
        }

        CourseId = found.Id;
        CourseLanguage = found.Language;
        Person = await progress.LoadAsync(found, await ScopeAsync(), person, cancellationToken);
        if (Person is null)
        {
            return NotFound();
        }

        BackToGrid = IsViewOf("/Coordination/Grid", returnUrl);
        BackUrl = BackToGrid || IsViewOf("/Coordination/Reports", returnUrl) ? returnUrl! : Url.Page("/Coordination/Reports", new { course = found.Id })!;
        return Page();
    }

    // Only a link back to one of this site's report views is followed; anything else (another site, another page) is ignored.
    private bool IsViewOf(string page, string? returnUrl)
    {
        var path = Url.Page(page)!;
        return returnUrl is { Length: <= 2000 } && Url.IsLocalUrl(returnUrl)
            && (returnUrl == path || returnUrl.StartsWith(path + "?", StringComparison.Ordinal));
    }
}
