using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Authoring;

namespace RemoteGuidanceTraining.Web.Pages.Trainer.Workspace;

/// <summary>
/// Edits one file of a course in a plain textarea. Save validates the course with the change applied and refuses a
/// change that would break it (the text stays in the editor); a file changed by someone else since it was opened
/// gives the conflict view with both versions. Preview renders the lesson with the same engine, nothing recorded.
/// </summary>
public class EditModel(CourseWorkspace workspace, EditorResolver editors, IStringLocalizer<SharedResource> t)
    : WorkspacePageModel(workspace, editors)
{
    [BindProperty(SupportsGet = true)]
    public string? Path { get; set; }

    // Empty is a valid file text and a valid base (a file new since the editor opened), so neither is "required".
    [BindProperty]
    [ValidateNever]
    public string Text { get; set; } = "";

    [BindProperty]
    [ValidateNever]
    public string BaseHash { get; set; } = "";

    /// <summary>The removed ids the trainer confirmed progress on may start over (the box's value).</summary>
    [BindProperty]
    public string? ConfirmIds { get; set; }

    /// <summary>Set when the trainer confirmed that a published course becomes a draft, hidden from those enrolled.</summary>
    [BindProperty]
    public bool ConfirmDraft { get; set; }

    /// <summary>The changed questions the trainer confirmed results of stop counting (the box's value).</summary>
    [BindProperty]
    public string? ConfirmQuestions { get; set; }

    /// <summary>Set when the trainer confirmed that she takes herself out of the course's editors.</summary>
    [BindProperty]
    public bool ConfirmEditing { get; set; }

    public IReadOnlyList<CourseProblem> Problems { get; private set; } = [];

    /// <summary>Addresses under course.yml's editors: that let nobody in (no trainer or admin account).</summary>
    public IReadOnlyList<EditorWithoutAccount> EditorWarnings { get; private set; } = [];

    public string? Error { get; private set; }

    public string? ConflictText { get; private set; }

    /// <summary>The workspace save that wrote <see cref="ConflictText"/>; null when it was changed outside the workspace.</summary>
    public CourseFileRevision? ConflictBy { get; private set; }

    public SaveWarnings Warnings { get; private set; } = SaveWarnings.None;

    /// <summary>The boxes as posted: a box whose warning still reads the same comes back ticked.</summary>
    public Confirmations Ticked => new(ConfirmIds, ConfirmDraft, ConfirmQuestions, ConfirmEditing);

    public Lesson? Preview { get; private set; }

    public string? PreviewLanguage { get; private set; }

    public bool Previewed { get; private set; }

    /// <summary>
    /// The editor holds text the file does not (a preview, a refused save, the conflict view): leaving the page asks
    /// first, as it does once something is typed (unsaved-changes.js).
    /// </summary>
    public bool ShowsUnsavedText => HttpMethods.IsPost(Request.Method) && CourseWorkspace.Hash(Text) != BaseHash;

    public bool IsLesson => Path?.EndsWith(".md", StringComparison.Ordinal) == true;

    public string ProblemFile => $"{Course!.Id}/{Path}";

    public async Task<IActionResult> OnGetAsync(string courseId)
    {
        if (!await AuthorizeAsync(courseId) || CoursePaths.ResolveEditable(Course!.Folder, Path) is not { } full)
        {
            return NotFound();
        }

        (Text, BaseHash) = CourseWorkspace.Read(full);
        Problems = Workspace.Catalog.Problems.Where(p => p.File.StartsWith(Course.Id + "/", StringComparison.Ordinal)).ToList();
        return Page();
    }

    /// <summary>
    /// Whenever the page is shown (opened, a refused save, a preview) it lists the course's editors that let nobody
    /// in: they describe the files as saved, which a refusal leaves as they were.
    /// </summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if ((await next()).Result is PageResult && Course is not null)
        {
            EditorWarnings = await Workspace.EditorsWithoutAccountAsync(Course, HttpContext.RequestAborted);
        }
    }

    public async Task<IActionResult> OnPostSaveAsync(string courseId, CancellationToken cancellationToken)
    {
        if (!await AuthorizeAsync(courseId) || CoursePaths.ResolveEditable(Course!.Folder, Path) is null)
        {
            return NotFound();
        }

        Text = CourseWorkspace.Normalise(Text);
        if (Text.Length > CourseFileRevision.MaxContentLength)
        {
            Error = t["Workspace.Edit.TooLong", CourseFileRevision.MaxContentLength];
            return Page();
        }

        var check = await Workspace.CheckSaveAsync(Editor!, Course, new Dictionary<string, string> { [Path!] = Text }, cancellationToken);
        // The check's problems are listed whatever happens next: the page never says "no errors" of a text it did not read.
        Problems = check.Result.Problems;
        if (check.Refused)
        {
            // Errors first: nothing new is asked for a save that would be refused anyway; boxes already ticked stay.
            Error = t["Workspace.Edit.Refused"];
            Warnings = check.Warnings.ConfirmedOnly(Ticked);
            return Page();
        }

        var warnings = check.Warnings;
        // Shown on every refusal below (a conflict, a course that broke meanwhile), ticked as posted where they still
        // read the same: the trainer fixes the text without confirming the same thing twice.
        Warnings = warnings;
        if (warnings.Unconfirmed(Ticked))
        {
            Error = t[warnings.MessageKey];
            return Page();
        }

        var outcome = await Workspace.SaveAsync(Editor!, Course.Id, Course.Folder,
            new Dictionary<string, FileChange> { [Path!] = new(Text, BaseHash) }, "save", cancellationToken);
        if (outcome.Saved && warnings.LosesEditing)
        {
            // The course now answers her 404: her course list is the page that still exists.
            TempData["Status"] = t["Workspace.Edit.SavedNoLongerEditor", Course.Title].Value;
            return RedirectToPage("/Trainer/Courses");
        }

        if (outcome.Saved)
        {
            TempData["Status"] = SavedStatus(t["Workspace.Edit.Saved"].Value, warnings, t);
            return RedirectToPage(new { courseId, path = Path });
        }

        if (outcome.ConflictPath is not null)
        {
            // Both versions stay on the page: the trainer's text in the editor, the saved one beside it. Saving
            // again (after merging by hand) is checked against the version now shown.
            Error = t["Workspace.Conflict"];
            ConflictText = outcome.ConflictText;
            BaseHash = outcome.ConflictHash ?? "";
            ConflictBy = await Workspace.RevisionWithTextAsync(Course.Id, Path!, BaseHash, cancellationToken);
            ModelState.Remove(nameof(BaseHash));
            return Page();
        }

        Error = t["Workspace.Edit.Refused"];
        Problems = outcome.Problems;
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string courseId, CancellationToken cancellationToken)
    {
        if (!await AuthorizeAsync(courseId) || CoursePaths.ResolveEditable(Course!.Folder, Path) is null)
        {
            return NotFound();
        }

        Text = CourseWorkspace.Normalise(Text);
        if (Text.Length > CourseFileRevision.MaxContentLength)
        {
            Error = t["Workspace.Edit.TooLong", CourseFileRevision.MaxContentLength];
            return Page();
        }

        var result = Workspace.Validate(Course.Id, Course.Folder, new Dictionary<string, string> { [Path!] = Text });
        Problems = result.Problems;
        Previewed = true;
        if (result.Course is { } previewed)
        {
            PreviewLanguage = previewed.Language;
            Preview = previewed.Lessons.FirstOrDefault(l =>
                CoursePaths.Relative(previewed.Folder, l.SourceFile) == Path);
            Warnings = await Workspace.WarningsAsync(Course, result, cancellationToken) with
            {
                LosesEditing = CourseWorkspace.LosesEditing(Editor!, new Dictionary<string, string> { [Path!] = Text }),
            };
        }

        return Page();
    }
}
