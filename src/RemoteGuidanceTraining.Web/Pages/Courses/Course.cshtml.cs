using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Pages.Courses;

[AllowAnonymous]
public class CourseModel(CatalogHolder catalog, ProgressService progress, UserManager<AppUser> users) : PageModel
{
    public Course? Course { get; private set; }

    public CourseProgress? Progress { get; private set; }

    public async Task<IActionResult> OnGetAsync(string courseId)
    {
        Course = catalog.Current.Find(courseId);
        if (Course is null || !DraftAccess.MaySee(User, Course))
        {
            return NotFound();
        }

        if (users.GetUserId(User) is { } userId)
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

        if (users.GetUserId(User) is not { } userId)
        {
            return Challenge();
        }

        await progress.EnrolAsync(userId, course);
        var first = course.Lessons.First();
        return RedirectToPage("/Courses/Lesson", new { courseId = course.Id, moduleId = first.ModuleId, lessonId = first.Id });
    }
}
