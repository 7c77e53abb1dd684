using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Pages.Coordination.Cohorts;

/// <summary>The coordinator's cohorts, and creating one for an organisation or region of their assigned scope.</summary>
public class CohortsModel(CohortService cohorts, CatalogHolder catalog, TimeProvider clock, IStringLocalizer<SharedResource> t)
    : CoordinationPage
{
    [BindProperty]
    public CohortInput Input { get; set; } = new();

    public IReadOnlyList<CohortRow> Cohorts { get; private set; } = [];

    public IReadOnlyList<Course> CourseOptions { get; private set; } = [];

    public CohortOwners Owners { get; private set; } = new([], []);

    public bool NoScope { get; private set; }

    public string CourseTitle(string courseId) => catalog.Current.Find(courseId)?.Title ?? catalog.Current.FindUnavailable(courseId)?.Title ?? courseId;

    /// <summary>The language of the course's title, for its lang attribute (null, and no attribute, for a course no longer served).</summary>
    public string? CourseLanguage(string courseId) => catalog.Current.Find(courseId)?.Language ?? catalog.Current.FindUnavailable(courseId)?.Language;

    public async Task OnGetAsync()
    {
        await LoadAsync();
        var today = HelsinkiTime.Today(clock);
        Input.StartsOn = today;
        Input.EndsOn = today.AddMonths(3);
        Input.OrganisationId = Owners.Organisations.Count == 1 ? Owners.Organisations[0].Key : null;
        Input.Region = Owners.Organisations.Count == 0 && Owners.Regions.Count == 1 ? Owners.Regions[0] : null;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        CohortFormChecks.Check(ModelState, t, catalog, Input.CourseId, Input.StartsOn, Input.EndsOn);
        // A choice that is no number was not offered by the form.
        CohortFormChecks.ReplaceBindingError(ModelState, "Input.OrganisationId", t["Cohorts.OwnerOutOfScope"]);
        if (ModelState.IsValid)
        {
            var (id, error) = await cohorts.CreateAsync(await ScopeAsync(),
                new NewCohort(Input.Name.Trim(), Input.CourseId!, Input.OrganisationId, string.IsNullOrEmpty(Input.Region) ? null : Input.Region, Input.StartsOn, Input.EndsOn),
                ViewerId, HttpContext.RequestAborted);
            if (id is not null)
            {
                return RedirectToPage("/Coordination/Cohorts/Cohort", new { id });
            }

            ModelState.AddModelError(error == "Cohorts.DateOutOfRange" ? "Input.StartsOn" : "Input.OrganisationId",
                t[error!, t["Cohorts.Dates"], CohortService.FirstYear, CohortService.LastYear]);
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var scope = await ScopeAsync();
        NoScope = scope.IsEmpty;
        Owners = await cohorts.OwnersAsync(scope, HttpContext.RequestAborted);
        CourseOptions = CohortFormChecks.Offered(catalog);
        Cohorts = await cohorts.ListAsync(scope, HttpContext.RequestAborted);
    }

    public sealed class CohortInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(CohortService.NameMaxLength, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Cohorts.Name")]
        public string Name { get; set; } = "";

        [Display(Name = "Verify.Course")]
        public string? CourseId { get; set; }

        [Display(Name = "Field.Organisation")]
        public int? OrganisationId { get; set; }

        [Display(Name = "Field.Region")]
        [StringLength(FieldLengths.Region, ErrorMessage = "Validation.TooLong")]
        public string? Region { get; set; }

        [Display(Name = "Cohorts.StartsOn")]
        public DateOnly StartsOn { get; set; }

        [Display(Name = "Cohorts.EndsOn")]
        public DateOnly EndsOn { get; set; }
    }
}
