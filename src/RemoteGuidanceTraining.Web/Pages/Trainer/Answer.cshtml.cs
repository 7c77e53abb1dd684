using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Pages.Trainer;

/// <summary>A trainer reads one submitted answer and writes feedback; the participant is told by mail.</summary>
public class AnswerModel(TaskReview review, CatalogHolder catalog, UserManager<AppUser> users, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>Feedback longer than this is refused with a message (it is a comment, not a document).</summary>
    public const int MaxFeedbackLength = TaskReview.MaxFeedbackLength;

    private AnswerUnderReview? _review;

    public TaskAnswer? Answer => _review?.Answer;

    public CourseTask? Task => _review?.Task;

    public string ParticipantName => _review?.Participant.FullName ?? "";

    public string CourseTitle => _review?.Course.Title ?? "";

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

        await review.SaveFeedbackAsync(_review!, feedback, users.GetUserId(User), HttpContext.RequestAborted);
        TempData["Status"] = t["Trainer.Answer.Sent", ParticipantName].Value;
        return RedirectToPage("/Trainer/Tasks");
    }

    /// <summary>Only submitted answers of the trainer's own courses; anything else is "not found".</summary>
    private async Task<bool> LoadAsync(int id)
    {
        var me = await users.GetUserAsync(User);
        var courses = TrainerScope.CoursesOf(catalog.Current, me?.Email, User.IsInRole(Roles.Admin));
        _review = await review.FindAsync(courses, id, HttpContext.RequestAborted);
        return _review is not null;
    }
}
