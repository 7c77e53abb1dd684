using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Pages.Trainer;

/// <summary>Submitted development tasks of the trainer's courses, oldest unanswered first.</summary>
public class TasksModel(TaskReview review, CatalogHolder catalog, UserManager<AppUser> users) : PageModel
{
    public string Show { get; private set; } = "waiting";

    public IReadOnlyList<SubmittedAnswer> Rows { get; private set; } = [];

    public async Task OnGetAsync(string? show)
    {
        Show = show == "all" ? "all" : "waiting";
        var me = await users.GetUserAsync(User);
        var courses = TrainerScope.CoursesOf(catalog.Current, me?.Email, User.IsInRole(Roles.Admin));
        Rows = await review.ListAsync(courses, Show == "waiting", HttpContext.RequestAborted);
    }
}
