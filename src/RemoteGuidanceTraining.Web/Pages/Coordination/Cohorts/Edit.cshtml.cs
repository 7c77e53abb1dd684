using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Pages.Coordination.Cohorts;

/// <summary>Edits a cohort's name and dates, and its course while nobody is in it yet.</summary>
public class EditModel(CohortService cohorts, CohortManagement management, CatalogHolder catalog, IStringLocalizer<SharedResource> t)
    : CoordinationPage
{
    [BindProperty]
    public EditInput Input { get; set; } = new();

    public Cohort? Cohort { get; private set; }

    public IReadOnlyList<Course> CourseOptions { get; private set; } = [];

    /// <summary>People were added or invited, so the course is shown, not offered (see CohortManagement.HasPeopleAsync).</summary>
    public bool CourseFixed { get; private set; }

    /// <summary>The cohort's course is not served just now (files with an error, folder gone); it stays the cohort's course.</summary>
    public UnavailableCourse? CourseUnavailable { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new EditInput { Name = Cohort!.Name, CourseId = Cohort.CourseId, StartsOn = Cohort.StartsOn, EndsOn = Cohort.EndsOn };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        CohortFormChecks.Check(ModelState, t, catalog, Input.CourseId, Input.StartsOn, Input.EndsOn, current: Cohort!.CourseId);

        if (ModelState.IsValid)
        {
            var error = await management.UpdateAsync(await ScopeAsync(), id, new CohortEdit(Input.Name.Trim(), Input.CourseId!, Input.StartsOn, Input.EndsOn), cancellationToken);
            if (error is null)
            {
                TempData["Status"] = t["Cohorts.Saved"].Value;
                return RedirectToPage("/Coordination/Cohorts/Cohort", new { id });
            }

            ModelState.AddModelError(error switch
                {
                    "Cohorts.EndBeforeStart" => "Input.EndsOn", "Cohorts.DateOutOfRange" => "Input.StartsOn", "Cohorts.CourseFixed" => "Input.CourseId", _ => "Input.Name",
                },
                t[error, t["Cohorts.Dates"], CohortService.FirstYear, CohortService.LastYear]);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        Cohort = await cohorts.FindAsync(await ScopeAsync(), id, cancellationToken);
        if (Cohort is null)
        {
            return false;
        }

        CourseOptions = CohortFormChecks.Offered(catalog, Cohort.CourseId);
        CourseUnavailable = catalog.Current.Unserved(Cohort.CourseId);
        CourseFixed = await management.HasPeopleAsync(id, cancellationToken);
        return true;
    }

    public sealed class EditInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(CohortService.NameMaxLength, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Cohorts.Name")]
        public string Name { get; set; } = "";

        [Display(Name = "Verify.Course")]
        [StringLength(FieldLengths.ContentId, ErrorMessage = "Validation.TooLong")]
        public string? CourseId { get; set; }

        [Display(Name = "Cohorts.StartsOn")]
        public DateOnly StartsOn { get; set; }

        [Display(Name = "Cohorts.EndsOn")]
        public DateOnly EndsOn { get; set; }
    }
}
