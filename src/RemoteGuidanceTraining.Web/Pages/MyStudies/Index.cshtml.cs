using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Pages.MyStudies;

/// <summary>The participant's own courses: progress, the next step, completions and certificates.</summary>
public class MyStudiesModel(StudyOverview studies) : PageModel
{
    public IReadOnlyList<InProgressRow> InProgress { get; private set; } = [];

    public IReadOnlyList<CompletedCourse> Completed { get; private set; } = [];

    public IReadOnlyList<RemoteGuidanceTraining.Courses.Model.UnavailableCourse> Unavailable { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var mine = await studies.LoadAsync(User.UserId()!, HttpContext.RequestAborted);
        InProgress = mine.InProgress.Select(p => new InProgressRow(p)).ToList();
        Completed = mine.Completed;
        Unavailable = mine.Unavailable;
    }

    /// <summary>A replaced or revoked certificate the person asked for: the page says why it is not handed out.</summary>
    public Certificate? Refused { get; private set; }

    /// <summary>
    /// Only the signed-in person's own certificate: anyone else's id is "not found". A replaced or revoked one is not
    /// handed out (its PDF does not say it is void, and an old link or bookmark would otherwise still fetch it): the
    /// page says what happened to it and links the corrected one, with 410 Gone.
    /// </summary>
    public async Task<IActionResult> OnGetCertificateAsync(int id)
    {
        var certificate = await studies.OwnCertificateAsync(User.UserId()!, id, HttpContext.RequestAborted);
        if (certificate is null)
        {
            return NotFound();
        }

        if (certificate.Status == CertificateStatus.Valid)
        {
            return File(certificate.Pdf, "application/pdf", CertificateMails.FileNameOf(certificate));
        }

        await OnGetAsync();
        Refused = certificate;
        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }

    public sealed record InProgressRow(CourseProgress Progress)
    {
        /// <summary>The submitted tasks with where each stands with the trainer, in course order.</summary>
        public IReadOnlyList<SubmittedTask> Tasks { get; } = Progress.Course.Lessons
            .SelectMany(l => l.Tasks.Select(t => (Lesson: l, Task: t, Answer: Progress.Answer(t))))
            .Where(x => x.Answer?.SubmittedAtUtc is not null)
            .Select(x => new SubmittedTask(x.Lesson, x.Task, x.Answer!.ReviewState)).ToList();
    }

    public sealed record SubmittedTask(RemoteGuidanceTraining.Courses.Model.Lesson Lesson, RemoteGuidanceTraining.Courses.Model.CourseTask Task, TaskReviewState State)
    {
        public string StateKey => State switch
        {
            TaskReviewState.Accepted => "Task.History.Accepted",
            TaskReviewState.Returned => "Task.History.Returned",
            _ => Task.ReviewRequired ? "Task.State.Waiting" : "Task.State.WaitingOptional",
        };
    }
}
