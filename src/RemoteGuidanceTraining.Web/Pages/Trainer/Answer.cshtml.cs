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
using RemoteGuidanceTraining.Web.Email;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Pages.Trainer;

/// <summary>A trainer reads one submitted answer and writes feedback; the participant is told by mail.</summary>
public class AnswerModel(AppDbContext db, CatalogHolder catalog, UserManager<AppUser> users, TaskFeedbackMails mails,
    AppMailer mailer, PublicUrls urls, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>Feedback longer than this is refused with a message (it is a comment, not a document).</summary>
    public const int MaxFeedbackLength = 20_000;

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

        if (feedback.Length > MaxFeedbackLength)
        {
            TempData["Status"] = t["Trainer.Answer.TooLong", MaxFeedbackLength].Value;
            return RedirectToPage(new { id });
        }

        // The feedback and the mail announcing it commit together: neither without the other.
        Answer!.Feedback = feedback.Trim();
        Answer.FeedbackByUserId = users.GetUserId(User);
        Answer.FeedbackAtUtc = DateTime.UtcNow;
        var participant = await db.Users.SingleAsync(u => u.Id == Answer.UserId);
        var lesson = catalog.Current.Find(Answer.CourseId)?.Lessons.FirstOrDefault(l => l.Tasks.Any(x => x.Id == Answer.TaskId));
        var link = lesson is null ? urls.Page("/MyStudies/Index")
            : urls.Page("/Courses/Lesson", new { courseId = Answer.CourseId, moduleId = lesson.ModuleId, lessonId = lesson.Id }, "task-" + Answer.TaskId);
        mails.Enqueue(participant, Answer, CourseTitle, link);
        await mailer.SaveAndSendAsync(HttpContext.RequestAborted);
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
