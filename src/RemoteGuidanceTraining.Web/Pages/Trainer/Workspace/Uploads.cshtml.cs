using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Authoring;

namespace RemoteGuidanceTraining.Web.Pages.Trainer.Workspace;

/// <summary>
/// A course's uploaded images and attachments: size, who uploaded and when, the Markdown that inserts each, and
/// delete. A file that a lesson still refers to is not deleted: the page lists those lessons instead. Any other
/// file is deleted only after the trainer confirms, in the workspace's way: the page again, with the file named
/// and a box to tick (no JavaScript needed).
/// </summary>
public class UploadsModel(CourseWorkspace workspace, EditorResolver editors, IStringLocalizer<SharedResource> t)
    : WorkspacePageModel(workspace, editors)
{
    public IReadOnlyList<UploadedFile> Uploads { get; private set; } = [];

    public string? Error { get; private set; }

    /// <summary>After a refused delete: the lessons that still use the file.</summary>
    public IReadOnlyList<string> ReferencedBy { get; private set; } = [];

    public IReadOnlyList<CourseProblem> Problems { get; private set; } = [];

    /// <summary>Set when the trainer confirmed that the file goes for good.</summary>
    [BindProperty]
    public bool ConfirmDelete { get; set; }

    /// <summary>The file waiting for the deletion to be confirmed.</summary>
    public string? PendingDelete { get; private set; }

    public async Task<IActionResult> OnGetAsync(string courseId, CancellationToken cancellationToken)
    {
        if (!await AuthorizeAsync(courseId))
        {
            return NotFound();
        }

        Uploads = await Workspace.UploadsAsync(Course!, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string courseId, string? path, CancellationToken cancellationToken)
    {
        if (!await AuthorizeAsync(courseId) || !CourseWorkspace.IsUpload(Course!.Folder, path))
        {
            return NotFound();
        }

        var outcome = await Workspace.DeleteUploadAsync(Editor!, Course, path!, ConfirmDelete, cancellationToken);
        if (outcome.Done)
        {
            TempData["Status"] = t["Workspace.Uploads.Deleted", path!].Value;
            return RedirectToPage(new { courseId });
        }

        PendingDelete = outcome.Unconfirmed ? path : null;
        Error = outcome.Unconfirmed ? t["Workspace.Uploads.ConfirmFirst", path!]
            : outcome.ReferencedBy.Count > 0 ? t["Workspace.Uploads.InUse", path!] : t["Workspace.Uploads.Invalid", path!];
        ReferencedBy = outcome.ReferencedBy;
        Problems = outcome.Problems;
        Uploads = await Workspace.UploadsAsync(Course, cancellationToken);
        return Page();
    }

    /// <summary>What a lesson in the same module writes to show the image or link the attachment.</summary>
    public string MarkdownOf(UploadedFile file) => EditorSnippets.UploadMarkdown(Course!.Language, System.IO.Path.GetFileName(file.Path), file.IsImage);
}
