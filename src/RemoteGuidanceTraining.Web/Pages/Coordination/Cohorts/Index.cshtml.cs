using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Pages.Coordination.Cohorts;

/// <summary>The coordinator's cohorts, and creating one. A coordinator's cohort belongs to their own organisation and region.</summary>
public class CohortsModel(AppDbContext db, CatalogHolder catalog, UserManager<AppUser> users, IStringLocalizer<SharedResource> t) : CoordinationPage(users)
{
    [BindProperty]
    public CohortInput Input { get; set; } = new();

    public IReadOnlyList<Row> Cohorts { get; private set; } = [];

    public IReadOnlyList<SelectListItem> CourseOptions { get; private set; } = [];

    public bool IsAdmin => User.IsInRole(Roles.Admin);

    public async Task OnGetAsync()
    {
        await LoadAsync();
        var today = DateOnly.FromDateTime(HelsinkiTime.FromUtc(DateTime.UtcNow));
        Input.StartsOn = today;
        Input.EndsOn = today.AddMonths(3);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var scope = await ScopeAsync();
        if (catalog.Current.Find(Input.CourseId ?? "") is null)
        {
            ModelState.AddModelError("Input.CourseId", t["Validation.Required", t["Verify.Course"]]);
        }

        if (Input.EndsOn < Input.StartsOn)
        {
            ModelState.AddModelError("Input.EndsOn", t["Cohorts.EndBeforeStart"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var cohort = new Cohort
        {
            Name = Input.Name.Trim(),
            CourseId = Input.CourseId!,
            Organisation = scope.All ? Input.Organisation?.Trim() : scope.Organisation,
            Region = scope.All ? (Regions.IsKnown(Input.Region) ? Input.Region : null) : scope.Region,
            StartsOn = Input.StartsOn,
            EndsOn = Input.EndsOn,
            CreatedByUserId = ViewerId,
        };
        db.Cohorts.Add(cohort);
        await db.SaveChangesAsync();
        return RedirectToPage("/Coordination/Cohorts/Cohort", new { id = cohort.Id });
    }

    private async Task LoadAsync()
    {
        var scope = await ScopeAsync();
        Input.Organisation ??= scope.Organisation;
        Input.Region ??= scope.Region;
        var courses = catalog.Current.Courses.ToDictionary(c => c.Id, c => c.Title);
        CourseOptions = courses.Select(c => new SelectListItem(c.Value, c.Key)).ToList();
        var rows = await scope.Filter(db.Cohorts.AsNoTracking()).OrderByDescending(c => c.StartsOn)
            .Select(c => new { c.Id, c.Name, c.CourseId, c.Organisation, c.Region, c.StartsOn, c.EndsOn, Members = db.CohortMembers.Count(m => m.CohortId == c.Id) })
            .ToListAsync();
        Cohorts = rows.Select(c => new Row(c.Id, c.Name, courses.GetValueOrDefault(c.CourseId, c.CourseId), c.Organisation, c.Region, c.StartsOn, c.EndsOn, c.Members)).ToList();
    }

    public sealed record Row(int Id, string Name, string CourseTitle, string? Organisation, string? Region, DateOnly StartsOn, DateOnly EndsOn, int Members);

    public sealed class CohortInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Cohorts.Name")]
        public string Name { get; set; } = "";

        [Display(Name = "Verify.Course")]
        public string? CourseId { get; set; }

        [Display(Name = "Field.Organisation")]
        public string? Organisation { get; set; }

        [Display(Name = "Field.Region")]
        public string? Region { get; set; }

        [Display(Name = "Cohorts.StartsOn")]
        public DateOnly StartsOn { get; set; }

        [Display(Name = "Cohorts.EndsOn")]
        public DateOnly EndsOn { get; set; }
    }
}
