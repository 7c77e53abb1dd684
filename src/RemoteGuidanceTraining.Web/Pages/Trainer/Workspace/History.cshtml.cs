using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Authoring;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Pages.Trainer.Workspace;

/// <summary>Every saved version of one file with author and time, what each changed, and "restore this version".</summary>
public class HistoryModel(CourseWorkspace workspace, EditorResolver editors, IStringLocalizer<SharedResource> t)
    : WorkspacePageModel(workspace, editors)
{
    [BindProperty(SupportsGet = true)]
    public string? Path { get; set; }

    public IReadOnlyList<CourseFileRevision> Revisions { get; private set; } = [];

    public CourseFileRevision? Selected { get; private set; }

    /// <summary>The selected version against the one before it; null when too large to compare (both shown whole).</summary>
    public IReadOnlyList<LineDiff.Line>? Diff { get; private set; }

    public string? PreviousText { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyList<CourseProblem> Problems { get; private set; } = [];

    /// <summary>The removed ids the trainer confirmed progress on may start over (as on Save).</summary>
    [BindProperty]
    public string? ConfirmIds { get; set; }

    /// <summary>Set when the trainer confirmed that a published course becomes a draft (as on Save).</summary>
    [BindProperty]
    public bool ConfirmDraft { get; set; }

    /// <summary>The changed questions the trainer confirmed results of stop counting (as on Save).</summary>
    [BindProperty]
    public string? ConfirmQuestions { get; set; }

    /// <summary>Set when the trainer confirmed that she takes herself out of the course's editors.</summary>
    [BindProperty]
    public bool ConfirmEditing { get; set; }

    public SaveWarnings Warnings { get; private set; } = SaveWarnings.None;

    /// <summary>The boxes as posted: a box whose warning still reads the same comes back ticked.</summary>
    public Confirmations Ticked => new(ConfirmIds, ConfirmDraft, ConfirmQuestions, ConfirmEditing);

    /// <summary>The version waiting for the warnings to be confirmed before it is restored.</summary>
    public CourseFileRevision? Pending { get; private set; }

    public async Task<IActionResult> OnGetAsync(string courseId, int? revision, CancellationToken cancellationToken)
    {
        if (!await AuthorizeAsync(courseId) || CoursePaths.Resolve(Course!.Folder, Path) is null)
        {
            return NotFound();
        }

        Revisions = await Workspace.HistoryAsync(Course.Id, Path!, cancellationToken);
        if (revision is { } id)
        {
            Selected = Revisions.FirstOrDefault(r => r.Id == id);
            if (Selected is null)
            {
                return NotFound();
            }

            var index = Revisions.ToList().IndexOf(Selected);
            PreviousText = index + 1 < Revisions.Count ? Revisions[index + 1].Content : "";
            Diff = LineDiff.Compare(PreviousText, Selected.Content);
        }

        return Page();
    }

    /// <summary>Text versions only: an upload or a deletion is recorded (who, when) without the file's bytes.</summary>
    public static bool IsRestorable(CourseFileRevision revision) =>
        revision.Action is not ("upload" or "delete") && CoursePaths.EditableExtensions.Contains(System.IO.Path.GetExtension(revision.Path));

    public async Task<IActionResult> OnPostRestoreAsync(string courseId, int revision, CancellationToken cancellationToken)
    {
        if (!await AuthorizeAsync(courseId) || CoursePaths.Resolve(Course!.Folder, Path) is not { } full)
        {
            return NotFound();
        }

        // The revision must belong to this course and this file: an id from elsewhere is not found.
        var chosen = await Workspace.RevisionAsync(Course.Id, revision, cancellationToken);
        if (chosen is null || chosen.Path != Path || !IsRestorable(chosen))
        {
            return NotFound();
        }

        // Restoring is saving an older text: the same check as Save, errors first, then the warnings confirmed the same way.
        var check = await Workspace.CheckSaveAsync(Editor!, Course, new Dictionary<string, string> { [Path!] = chosen.Content }, cancellationToken);
        if (check.Refused)
        {
            Error = t["Workspace.History.RestoreRefused"];
            Problems = check.Result.Problems;
            Revisions = await Workspace.HistoryAsync(Course.Id, Path!, cancellationToken);
            return Page();
        }

        var warnings = check.Warnings;
        if (warnings.Unconfirmed(Ticked))
        {
            Warnings = warnings;
            Pending = chosen;
            Error = t[warnings.MessageKey];
            Revisions = await Workspace.HistoryAsync(Course.Id, Path!, cancellationToken);
            return Page();
        }

        var current = System.IO.File.Exists(full) ? CourseWorkspace.Read(full).Hash : null;
        var outcome = await Workspace.SaveAsync(Editor!, Course.Id, Course.Folder,
            new Dictionary<string, FileChange> { [Path!] = new(chosen.Content, current) }, "restore", cancellationToken);
        if (outcome.Saved && warnings.LosesEditing)
        {
            TempData["Status"] = t["Workspace.Edit.SavedNoLongerEditor", Course.Title].Value;
            return RedirectToPage("/Trainer/Courses");
        }

        if (outcome.Saved)
        {
            TempData["Status"] = SavedStatus(t["Workspace.History.Restored", HelsinkiTime.DateAndTime(chosen.CreatedAtUtc)].Value, warnings, t);
            return RedirectToPage("/Trainer/Workspace/Edit", new { courseId, path = Path });
        }

        Error = outcome.ConflictPath is not null ? t["Workspace.Conflict.Short"] : t["Workspace.History.RestoreRefused"];
        Problems = outcome.Problems;
        Revisions = await Workspace.HistoryAsync(Course.Id, Path!, cancellationToken);
        return Page();
    }
}
