using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Pages.Trainer;

/// <summary>Submitted development tasks of the trainer's courses, oldest unanswered first.</summary>
public class TasksModel(AppDbContext db, CatalogHolder catalog, UserManager<AppUser> users) : PageModel
{
    public string Show { get; private set; } = "waiting";

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(string? show)
    {
        Show = show == "all" ? "all" : "waiting";
        var me = await users.GetUserAsync(User);
        var courses = TrainerScope.CoursesOf(catalog.Current, me?.Email, User.IsInRole(Roles.Admin)).ToDictionary(c => c.Id);
        var ids = courses.Keys.ToList();
        var query = db.TaskAnswers.AsNoTracking().Where(a => a.SubmittedAtUtc != null && ids.Contains(a.CourseId));
        if (Show == "waiting")
        {
            query = query.Where(a => a.Feedback == null);
        }

        var rows = await (from a in query
                          join u in db.Users on a.UserId equals u.Id
                          orderby a.SubmittedAtUtc
                          select new { a.Id, u.FullName, a.CourseId, a.TaskId, a.SubmittedAtUtc, HasFeedback = a.Feedback != null })
                          .Take(500).ToListAsync();
        Rows = rows.Select(r => new Row(r.Id, r.FullName, courses[r.CourseId].Title, TitleOf(courses[r.CourseId], r.TaskId), r.SubmittedAtUtc!.Value, r.HasFeedback)).ToList();
    }

    /// <summary>The task's readable title; a task removed from the course since the answer keeps its id.</summary>
    private static string TitleOf(RemoteGuidanceTraining.Courses.Model.Course course, string taskId) =>
        course.Tasks.FirstOrDefault(t => t.Id == taskId)?.Title ?? taskId;

    public sealed record Row(int Id, string FullName, string CourseTitle, string TaskTitle, DateTime SubmittedAtUtc, bool HasFeedback);
}
