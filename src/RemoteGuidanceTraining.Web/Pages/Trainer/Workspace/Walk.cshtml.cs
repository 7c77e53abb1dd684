using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Authoring;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Pages.Trainer.Workspace;

/// <summary>
/// A course's editors walk through it as a participant would – lessons, quizzes scored, tasks checked for length –
/// before it is published. Nothing is written: no enrolment, progress, attempt, answer, completion or certificate.
/// The quiz result lives only in the response to the answer; the progress shown is built in memory.
/// </summary>
public class WalkModel(CourseWorkspace workspace, EditorResolver editors, TimeProvider clock, IStringLocalizer<SharedResource> t)
    : WorkspacePageModel(workspace, editors)
{
    public Course? Served { get; private set; }

    public Lesson? Lesson { get; private set; }

    public Lesson? Previous { get; private set; }

    public Lesson? Next { get; private set; }

    /// <summary>Always empty but for a quiz just answered in this request.</summary>
    public CourseProgress? Progress { get; private set; }

    public string? JustAnsweredQuizId { get; private set; }

    public Dictionary<string, string> TaskMessages { get; } = [];

    public Dictionary<string, string> TaskTexts { get; } = [];

    public HashSet<string> TaskErrors { get; } = [];

    public async Task<IActionResult> OnGetAsync(string courseId, string moduleId, string lessonId) =>
        await LoadAsync(courseId, moduleId, lessonId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostQuizAsync(string courseId, string moduleId, string lessonId, string? quizId)
    {
        if (!await LoadAsync(courseId, moduleId, lessonId) || Lesson!.Quizzes.FirstOrDefault(q => q.Id == quizId) is not { } quiz)
        {
            return NotFound();
        }

        var attempt = QuizScoring.Score(quiz, field => Request.Form[field].OfType<string>().ToList());
        attempt.SubmittedAtUtc = clock.GetUtcNow().UtcDateTime;
        Progress = new CourseProgress(Served!, null, new HashSet<string>(), [attempt], new Dictionary<string, TaskAnswer>(), null);
        JustAnsweredQuizId = quiz.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostTaskAsync(string courseId, string moduleId, string lessonId, string? taskId, string? text, bool submit)
    {
        if (!await LoadAsync(courseId, moduleId, lessonId) || Lesson!.Tasks.FirstOrDefault(x => x.Id == taskId) is not { } task)
        {
            return NotFound();
        }

        // The participant's checks, with their messages; the text is shown again whole, as typed, and goes nowhere.
        text = (text ?? "").Trim();
        var problem = TaskLimits.AnswerProblem(text, task.MinLength, submit, t);
        TaskTexts[task.Id] = text;
        TaskMessages[task.Id] = problem ?? t[submit ? "Walk.TaskWouldSubmit" : "Walk.TaskWouldSave"];
        if (problem is not null)
        {
            TaskErrors.Add(task.Id);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(string courseId, string moduleId, string lessonId)
    {
        if (!await AuthorizeAsync(courseId))
        {
            return false;
        }

        Served = Workspace.Catalog.Find(Course!.Id);
        Lesson = Served?.FindLesson(lessonId);
        if (Served is null || Lesson is null || Lesson.ModuleId != moduleId)
        {
            return false;
        }

        (Previous, Next) = Served.Neighbours(Lesson);
        Progress = new CourseProgress(Served, null, new HashSet<string>(), [], new Dictionary<string, TaskAnswer>(), null);
        return true;
    }
}
