using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Pages.Courses;

/// <summary>
/// Peer feedback on a `peer=N` task: the answers assigned to the signed-in participant (after they submitted their
/// own) and a short feedback form for each. Only the participant's own assignments can be read or answered.
/// </summary>
public class PeerModel(CatalogHolder catalog, ProgressService progress, PeerFeedback peers, IStringLocalizer<SharedResource> t) : PageModel
{
    public Course? Course { get; private set; }

    public Lesson? Lesson { get; private set; }

    public CourseTask? Task { get; private set; }

    /// <summary>False until the participant has submitted their own answer: peer feedback comes after.</summary>
    public bool HasSubmitted { get; private set; }

    public IReadOnlyList<PeerAssignment> Assignments { get; private set; } = [];

    public int? ErrorFor { get; private set; }

    public string? Error { get; private set; }

    public string Draft { get; private set; } = "";

    private string UserId => User.UserId()!;

    public async Task<IActionResult> OnGetAsync(string courseId, string moduleId, string lessonId, string taskId)
    {
        if (await LoadAsync(courseId, moduleId, lessonId, taskId) is { } other)
        {
            return other;
        }

        await AssignAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string courseId, string moduleId, string lessonId, string taskId, int assignmentId, string? text)
    {
        if (await LoadAsync(courseId, moduleId, lessonId, taskId) is { } other)
        {
            return other;
        }

        if (!HasSubmitted)
        {
            return NotFound();
        }

        text = (text ?? "").Trim();
        Error = TaskLimits.Characters(text) < TaskLimits.MinPeerFeedbackLength ? t["Peer.TooShort", TaskLimits.MinPeerFeedbackLength, TaskLimits.Characters(text)].Value
            : text.Length > TaskLimits.MaxPeerFeedbackLength ? t["Peer.TooLong", TaskLimits.MaxPeerFeedbackLength, text.Length].Value
            : null;
        if (Error is null)
        {
            if (!await peers.GiveAsync(UserId, Course!, Task!, assignmentId, text, HttpContext.RequestAborted))
            {
                return NotFound(); // not one of this participant's assignments
            }

            TempData["Status"] = t["Peer.Saved"].Value;
            return RedirectToPage(null, null, null, $"peer-{assignmentId}"); // the same page, with its route values
        }

        (ErrorFor, Draft) = (assignmentId, text);
        await AssignAsync();
        return Assignments.Any(a => a.Id == assignmentId) ? Page() : NotFound();
    }

    private async Task AssignAsync()
    {
        if (HasSubmitted)
        {
            Assignments = await peers.AssignmentsAsync(UserId, Course!, Task!, HttpContext.RequestAborted);
        }
    }

    private async Task<IActionResult?> LoadAsync(string courseId, string moduleId, string lessonId, string taskId)
    {
        Course = catalog.Current.Find(courseId);
        Lesson = Course?.FindLesson(lessonId);
        Task = Lesson?.Tasks.FirstOrDefault(x => x.Id == taskId && x.Peer > 0);
        if (Course is null || Lesson is null || Task is null || Lesson.ModuleId != moduleId || !DraftAccess.MaySee(User, Course))
        {
            return NotFound();
        }

        // Authorization lets anonymous requests through only for addresses the catalog did not have; should one
        // appear in between (a reload), this is still the sign-in page, never a page without a user.
        if (User.UserId() is null)
        {
            return Challenge();
        }

        var mine = await progress.LoadLessonAsync(UserId, Course, Lesson, HttpContext.RequestAborted);
        if (!mine.IsEnrolled)
        {
            TempData["Status"] = t["Lesson.EnrolFirst"].Value;
            return RedirectToPage("/Courses/Course", new { courseId = Course.Id });
        }

        HasSubmitted = mine.IsTaskSubmitted(Task);
        return null;
    }
}
