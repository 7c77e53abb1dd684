using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Pages.Courses;

[AllowAnonymous]
public class CourseModel(CatalogHolder catalog, ProgressService progress, LessonLinks links) : PageModel
{
    public Course? Course { get; private set; }

    public CourseProgress? Progress { get; private set; }

    /// <summary>Set instead of <see cref="Course"/> when an enrolled person's course is temporarily not served.</summary>
    public UnavailableCourse? Unavailable { get; private set; }

    public async Task<IActionResult> OnGetAsync(string courseId)
    {
        Course = catalog.Current.Find(courseId);
        if (Course is null && await progress.EnrolledInUnavailableAsync(catalog.Current, User.UserId(), courseId, HttpContext.RequestAborted) is { } unavailable)
        {
            // 503: the course exists and comes back once its files load; the page says so instead of "not found".
            Unavailable = unavailable;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }

        if (Course is null || !DraftAccess.MaySee(User, Course))
        {
            return NotFound();
        }

        // A draft is walked through in the preview, which reads and records nothing for the editor.
        if (!Course.IsDraft && User.UserId() is { } userId)
        {
            Progress = await progress.LoadAsync(userId, Course, HttpContext.RequestAborted);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostEnrolAsync(string courseId)
    {
        var course = catalog.Current.Find(courseId);
        if (course is null || !DraftAccess.MaySee(User, course))
        {
            return NotFound();
        }

        if (User.UserId() is not { } userId)
        {
            return Challenge();
        }

        var first = course.Lessons.First();
        if (course.IsDraft)
        {
            // Nobody enrols in a draft: its editors walk through it in the preview instead.
            return RedirectToPage("/Trainer/Workspace/Walk", new { courseId = course.Id, moduleId = first.ModuleId, lessonId = first.Id });
        }

        await progress.EnrolAsync(userId, course, HttpContext.RequestAborted);
        return Redirect(links.PathOf(HttpContext, course.Id, first));
    }
}
