using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Authoring;

namespace RemoteGuidanceTraining.Web.Pages.Trainer.Workspace;

/// <summary>
/// Every workspace page and handler starts here: the signed-in editor and the course from the route, or nothing
/// (the page answers 404) when the course does not exist or this trainer is not among its `editors:`.
/// </summary>
public abstract class WorkspacePageModel(CourseWorkspace workspace, EditorResolver editors) : PageModel
{
    protected CourseWorkspace Workspace => workspace;

    public Editor? Editor { get; private set; }

    public WorkspaceCourse? Course { get; private set; }

    protected async Task<bool> AuthorizeAsync(string? courseId)
    {
        Editor = await editors.CurrentAsync(User);
        Course = Editor is null ? null : workspace.Find(Editor, courseId);
        return Course is not null;
    }

    /// <summary>
    /// The status after a save or restore, naming the ids that went when nobody had progress on them: saved without
    /// asking, so the status is where the trainer learns of them.
    /// </summary>
    protected static string SavedStatus(string saved, SaveWarnings warnings, IStringLocalizer t) =>
        warnings.RemovedIds.Count > 0 && !warnings.ProgressStartsOver
            ? saved + " " + t["Workspace.Edit.SavedIdsRemoved", string.Join(", ", warnings.RemovedIds)].Value
            : saved;
}
