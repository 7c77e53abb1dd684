using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Pages.Trainer;

/// <summary>Submitted development tasks of the trainer's courses, filtered by course, cohort and state, oldest first.</summary>
public class TasksModel(TaskReview review, CatalogHolder catalog, UserManager<AppUser> users) : PageModel
{
    /// <summary>The state filter's values in the query string, in the order the select lists them.</summary>
    public static readonly IReadOnlyList<(string Value, ReviewFilter Filter, string Label)> States =
    [
        ("waiting", ReviewFilter.Waiting, "Trainer.Tasks.Waiting"),
        ("new", ReviewFilter.New, "Trainer.Tasks.New"),
        ("resubmitted", ReviewFilter.Resubmitted, "Trainer.Tasks.Resubmitted"),
        ("returned", ReviewFilter.Returned, "Trainer.Tasks.Returned"),
        ("accepted", ReviewFilter.Accepted, "Trainer.Tasks.Accepted"),
        ("all", ReviewFilter.All, "Trainer.Tasks.All"),
    ];

    public string Show { get; private set; } = "waiting";

    public string? CourseId { get; private set; }

    public int? CohortId { get; private set; }

    public IReadOnlyList<Course> Courses { get; private set; } = [];

    public IReadOnlyList<CohortChoice> Cohorts { get; private set; } = [];

    /// <summary>Answers (in the chosen state) waiting in the trainer's courses whose files failed to load.</summary>
    public IReadOnlyList<UnavailableAnswers> Unavailable { get; private set; } = [];

    public Paging.PagedList<SubmittedAnswer> Result { get; private set; } = Paging.PagedList<SubmittedAnswer>.Empty;

    public IReadOnlyList<SubmittedAnswer> Rows => Result.Rows;

    public async Task OnGetAsync(string? show, string? course, int? cohort, int p = 1)
    {
        var state = States.FirstOrDefault(s => s.Value == show);
        (Show, var filter) = state.Value is null ? ("waiting", ReviewFilter.Waiting) : (state.Value, state.Filter);
        var me = await users.GetUserAsync(User);
        Courses = TrainerScope.CoursesOf(catalog.Current, me?.Email, User.IsInRole(Roles.Admin));
        CourseId = Courses.Any(c => c.Id == course) ? course : null;
        Cohorts = await review.CohortsAsync(Courses, HttpContext.RequestAborted);
        CohortId = Cohorts.Any(c => c.Id == cohort) ? cohort : null;
        Result = await review.ListAsync(Courses, new TaskListFilter(CourseId, CohortId, filter, p), Cohorts, HttpContext.RequestAborted);
        if (CourseId is null && CohortId is null)
        {
            // A course or cohort filter picks a course that loads; the unfiltered list also says what it cannot show.
            var unavailable = TrainerScope.UnavailableOf(catalog.Current, me?.Email, User.IsInRole(Roles.Admin));
            Unavailable = await review.UnavailableCountsAsync(unavailable, filter, HttpContext.RequestAborted);
        }
    }

    /// <summary>The current filters with another page number, for the paging links.</summary>
    public string PageUrl(int p) => Url.Page("/Trainer/Tasks", new { show = Show, course = CourseId, cohort = CohortId, p })!;

    /// <summary>An answer's page carrying these filters, so deciding on it returns to this same list.</summary>
    public string AnswerUrl(int id) =>
        Url.Page("/Trainer/Answer", new { id, show = Show, course = CourseId, cohort = CohortId, p = Result.PageNumber > 1 ? Result.PageNumber : (int?)null })!;
}
