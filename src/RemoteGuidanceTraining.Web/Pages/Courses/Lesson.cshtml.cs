using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Pages.Courses;

/// <summary>
/// Reading a lesson, answering its quizzes and writing its tasks. Everything is scoped to the signed-in user:
/// no id in the URL or form can reach another participant's progress.
/// </summary>
public class LessonModel(CatalogHolder catalog, ProgressService progress, LessonLinks links, IStringLocalizer<SharedResource> t) : PageModel
{
    public Course? Course { get; private set; }

    public Lesson? Lesson { get; private set; }

    public Lesson? Previous { get; private set; }

    public Lesson? Next { get; private set; }

    public CourseProgress? Progress { get; private set; }

    public string? JustAnsweredQuizId { get; private set; }

    public Dictionary<string, string> TaskErrors { get; } = [];

    public Dictionary<string, string> TaskDrafts { get; } = [];

    /// <summary>History and peer feedback of the lesson's tasks, read with the answers (see <see cref="TaskHistoryQuery"/>).</summary>
    public IReadOnlyDictionary<string, ParticipantTaskExtras> TaskExtras => Progress?.TaskExtras ?? new Dictionary<string, ParticipantTaskExtras>();

    /// <summary>Set when a quiz or task was posted to a course that stopped being served after the form was opened.</summary>
    public UnavailableCourse? Unavailable { get; private set; }

    /// <summary>What was typed into the task, shown back when it could not be saved (see <see cref="Unavailable"/>).</summary>
    public string? UnsavedText { get; private set; }

    private string UserId => User.UserId()!;

    public async Task<IActionResult> OnGetAsync(string courseId, string moduleId, string lessonId)
    {
        if (await LoadAsync(courseId, moduleId, lessonId) is { } redirect)
        {
            return redirect;
        }

        await progress.RecordVisitAsync(UserId, Course!, Lesson!, Progress!, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostDoneAsync(string courseId, string moduleId, string lessonId, bool next)
    {
        if (await LoadAsync(courseId, moduleId, lessonId) is { } redirect)
        {
            return redirect;
        }

        var completed = await progress.MarkLessonDoneAsync(UserId, Course!, Lesson!, alreadyDone: Progress!.IsLessonDone(Lesson!.Id), HttpContext.RequestAborted);
        AnnounceIf(completed);
        if (next && Next is not null)
        {
            return Redirect(UrlOf(Next));
        }

        if (next)
        {
            return RedirectToPage("/Courses/Course", new { courseId = Course!.Id });
        }

        if (!completed)
        {
            TempData["Status"] = t["Lesson.MarkedDone"].Value;
        }

        return Redirect(UrlOf(Lesson!));
    }

    public async Task<IActionResult> OnPostQuizAsync(string courseId, string moduleId, string lessonId, string quizId)
    {
        if (await LoadAsync(courseId, moduleId, lessonId) is { } redirect)
        {
            return Unavailable is null ? redirect : UnavailablePage(null);
        }

        var quiz = Lesson!.Quizzes.FirstOrDefault(q => q.Id == quizId);
        if (quiz is null)
        {
            return NotFound();
        }

        var (_, completed) = await progress.SubmitQuizAsync(UserId, Course!, quiz, field => Request.Form[field].Where(v => v is not null).Select(v => v!).ToList(), Lesson,
            resultExists: Progress!.LastAttempt(quiz) is not null, HttpContext.RequestAborted);
        AnnounceIf(completed);
        return Redirect(completed ? UrlOf(Lesson) : links.PathOf(HttpContext, Course!.Id, Lesson!, $"quiz-{quiz.Id}-result"));
    }

    public async Task<IActionResult> OnPostTaskAsync(string courseId, string moduleId, string lessonId, string taskId, string? text, bool submit)
    {
        if (await LoadAsync(courseId, moduleId, lessonId) is { } redirect)
        {
            return Unavailable is null ? redirect : UnavailablePage(text ?? "");
        }

        var task = Lesson!.Tasks.FirstOrDefault(x => x.Id == taskId);
        if (task is null)
        {
            return NotFound();
        }

        text = (text ?? "").Trim();
        if (TaskLimits.AnswerProblem(text, task.MinLength, submit, t) is { } problem)
        {
            // Shown again with what was typed: nothing is lost.
            TaskErrors[task.Id] = problem;
            TaskDrafts[task.Id] = text;
            return Page();
        }

        var (outcome, completed) = await progress.SaveTaskAnswerAsync(UserId, Course!, task, text, submit, Lesson, HttpContext.RequestAborted);
        if (outcome != TaskSaveOutcome.Saved)
        {
            TaskErrors[task.Id] = t[outcome == TaskSaveOutcome.Accepted ? "Task.AlreadyAccepted" : "Task.AlreadySubmitted"];
            TaskDrafts[task.Id] = text;
            return Page();
        }

        TempData["Status"] = t[submit ? "Task.Submitted" : "Task.DraftSaved"].Value;
        AnnounceIf(completed);
        return Redirect(completed ? UrlOf(Lesson) : links.PathOf(HttpContext, Course!.Id, Lesson!, $"task-{task.Id}"));
    }

    /// <summary>
    /// Only the request that met the last requirement says so; the layout shows it at the top of the next page, which
    /// opens there (no #fragment) so the news is what the participant sees first.
    /// </summary>
    private void AnnounceIf(bool completedCourse)
    {
        if (completedCourse)
        {
            TempData[CourseCompletedKey] = true;
        }
    }

    /// <summary>
    /// The course broke (or its folder went) between opening the form and sending it: nothing is saved, and instead of
    /// a redirect that would drop it, the 503 page shows the typed text back to be copied (null: a quiz was sent).
    /// </summary>
    private PageResult UnavailablePage(string? typed)
    {
        UnsavedText = typed;
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return Page();
    }

    /// <summary>TempData key read by the layout (_CourseCompleted).</summary>
    public const string CourseCompletedKey = "CourseCompleted";

    /// <summary>Finds the lesson and the participant's progress; returns where to go instead when that is not possible.</summary>
    private async Task<IActionResult?> LoadAsync(string courseId, string moduleId, string lessonId)
    {
        Course = catalog.Current.Find(courseId);
        Lesson = Course?.FindLesson(lessonId);
        if (Course is null && await progress.EnrolledInUnavailableAsync(catalog.Current, User.UserId(), courseId, HttpContext.RequestAborted) is { } unavailable)
        {
            // The course page says the course is temporarily unavailable (it checks enrolment again, cheaply); a
            // posted answer is shown back instead (see UnavailablePage).
            Unavailable = unavailable;
            return RedirectToPage("/Courses/Course", new { courseId });
        }

        if (Course is null || Lesson is null || !DraftAccess.MaySee(User, Course))
        {
            return NotFound();
        }

        // Authorization lets anonymous requests through only for addresses the catalog did not have; should one
        // appear in between (a reload), this is still the sign-in page, never a page without a user.
        if (User.UserId() is null)
        {
            return Challenge();
        }

        if (Course.IsDraft)
        {
            // Only the draft's editors get here; their walk-through is the preview, which records nothing.
            return RedirectToPage("/Trainer/Workspace/Walk", new { courseId = Course.Id, moduleId = Lesson.ModuleId, lessonId = Lesson.Id });
        }

        if (Lesson.ModuleId != moduleId)
        {
            return RedirectPermanent(UrlOf(Lesson)); // the lesson moved to another module; its id is what counts
        }

        Progress = await progress.LoadLessonAsync(UserId, Course, Lesson, HttpContext.RequestAborted);
        if (!Progress.IsEnrolled)
        {
            TempData["Status"] = t["Lesson.EnrolFirst"].Value;
            return RedirectToPage("/Courses/Course", new { courseId = Course.Id });
        }

        (Previous, Next) = Course.Neighbours(Lesson);
        return null;
    }

    private string UrlOf(Lesson lesson) => links.PathOf(HttpContext, Course!.Id, lesson);
}
