using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Pages.Trainer;

/// <summary>A trainer reads one submitted answer and writes feedback; the participant is told by mail.</summary>
public class AnswerModel(AppDbContext db, CatalogHolder catalog, UserManager<AppUser> users, TaskFeedbackMails mails,
    PublicUrls urls, IStringLocalizer<SharedResource> t) : PageModel
{
    public TaskAnswer? Answer { get; private set; }

    public CourseTask? Task { get; private set; }

    public string ParticipantName { get; private set; } = "";

    public string CourseTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, string? feedback)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(feedback))
        {
            TempData["Status"] = t["Trainer.Answer.Empty"].Value;
            return RedirectToPage(new { id });
        }

        Answer!.Feedback = feedback.Trim();
        Answer.FeedbackByUserId = users.GetUserId(User);
        Answer.FeedbackAtUtc = DateTime.UtcNow;
        await db.SaveChangesAsync();
        var participant = await db.Users.SingleAsync(u => u.Id == Answer.UserId);
        var lesson = catalog.Current.Find(Answer.CourseId)?.Lessons.FirstOrDefault(l => l.Tasks.Any(x => x.Id == Answer.TaskId));
        var link = lesson is null ? $"{urls.BaseUrl}/my-studies" : $"{urls.BaseUrl}/courses/{Answer.CourseId}/{lesson.ModuleId}/{lesson.Id}#task-{Answer.TaskId}";
        await mails.SendAsync(participant, CourseTitle, link);
        TempData["Status"] = t["Trainer.Answer.Sent", participant.FullName].Value;
        return RedirectToPage("/Trainer/Tasks");
    }

    /// <summary>Only submitted answers of the trainer's own courses; anything else is "not found".</summary>
    private async Task<bool> LoadAsync(int id)
    {
        var me = await users.GetUserAsync(User);
        var courses = TrainerScope.CoursesOf(catalog.Current, me?.Email, User.IsInRole(Roles.Admin));
        var ids = courses.Select(c => c.Id).ToList();
        Answer = await db.TaskAnswers.SingleOrDefaultAsync(a => a.Id == id && a.SubmittedAtUtc != null && ids.Contains(a.CourseId));
        if (Answer is null)
        {
            return false;
        }

        var course = courses.Single(c => c.Id == Answer.CourseId);
        CourseTitle = course.Title;
        Task = course.Tasks.FirstOrDefault(x => x.Id == Answer.TaskId);
        ParticipantName = await db.Users.Where(u => u.Id == Answer.UserId).Select(u => u.FullName).SingleAsync();
        return true;
    }
}
