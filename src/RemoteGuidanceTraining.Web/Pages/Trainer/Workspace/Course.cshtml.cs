using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Courses;
using RemoteGuidanceTraining.Web.Authoring;

namespace RemoteGuidanceTraining.Web.Pages.Trainer.Workspace;

/// <summary>One course in the workspace: its files, problems, new, moved and deleted modules and lessons, uploads and publishing.</summary>
// Room well above the upload limit, so an oversized file still reaches the handler and gets a clear message
// (form files over 64 KB are buffered to disk, not memory).
[RequestSizeLimit(UploadRules.MaxBytes * 12)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadRules.MaxBytes * 12)]
public class CourseModel(CourseWorkspace workspace, EditorResolver editors, IStringLocalizer<SharedResource> t)
    : WorkspacePageModel(workspace, editors)
{
    public IReadOnlyList<string> Files { get; private set; } = [];

    public IReadOnlyList<string> Modules { get; private set; } = [];

    public IReadOnlyList<CourseProblem> Problems { get; private set; } = [];

    /// <summary>Addresses under course.yml's editors: that let nobody in, as the course.yml editor warns (the same check).</summary>
    public IReadOnlyList<EditorWithoutAccount> EditorWarnings { get; private set; } = [];

    public bool IsServed { get; private set; }

    /// <summary>
    /// Declared minutes, hours and credits outside the estimate's tolerance (as `validate-courses --extent` reports):
    /// warnings only, since the extent is printed on certificates but a draft grows into it and saving never waits for it.
    /// </summary>
    public IReadOnlyList<ExtentFinding> Extent { get; private set; } = [];

    /// <summary>The modules in order, each with its lessons in order, for the reorder buttons.</summary>
    public IReadOnlyList<(string Module, IReadOnlyList<string> Lessons)> Layout { get; private set; } = [];

    /// <summary>Lesson and module.yml titles by path, shown with the path as secondary text; a file without one shows its path.</summary>
    public IReadOnlyDictionary<string, string> Titles { get; private set; } = new Dictionary<string, string>();

    /// <summary>The layout this page was drawn from; a move from an outdated page is refused.</summary>
    public string Fingerprint { get; private set; } = "";

    public string? Error { get; private set; }

    /// <summary>What was typed into "new lesson" / "new module", shown again when the creation is refused.</summary>
    public string? NewLessonTitle { get; private set; }

    public string? NewLessonModule { get; private set; }

    public string? NewModuleTitle { get; private set; }

    /// <summary>After an upload: the Markdown that shows or links the file from a lesson in the same module.</summary>
    public string? InsertMarkdown { get; private set; }

    private const string InsertMarkdownKey = "Workspace.InsertMarkdown";

    /// <summary>Set when the trainer confirmed the deletion of a lesson or a module.</summary>
    [BindProperty]
    public bool ConfirmDelete { get; set; }

    /// <summary>The ids that disappear whose progress the trainer confirmed no longer counts (as on Save).</summary>
    [BindProperty]
    public string? ConfirmIds { get; set; }

    /// <summary>The lesson or module waiting for its deletion to be confirmed, with what it would do.</summary>
    public string? PendingDelete { get; private set; }

    public DeletionOutcome? Deletion { get; private set; }

    /// <summary>Deleted text files, each restorable from its history.</summary>
    public IReadOnlyList<string> DeletedFiles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string courseId, CancellationToken cancellationToken)
    {
        if (!await AuthorizeAsync(courseId))
        {
            return NotFound();
        }

        InsertMarkdown = TempData[InsertMarkdownKey] as string;
        await LoadAsync(cancellationToken);
        DeletedFiles = await Workspace.DeletedFilesAsync(Course!, cancellationToken);
        return Page();
    }

    /// <summary>
    /// Deletes a module (path "02-kanavat", with its lessons) or a lesson ("02-kanavat/01-chat.md"): the first post
    /// shows what goes and what it does to participants, and the deletion happens when the trainer confirms that.
    /// </summary>
    public async Task<IActionResult> OnPostDeleteAsync(string courseId, string? path, string? fingerprint, CancellationToken cancellationToken)
    {
        if (!await AuthorizeAsync(courseId))
        {
            return NotFound();
        }

        var isModule = path is not null && !path.Contains('/');
        if (isModule ? !CourseLayout.Modules(Course!.Folder).Contains(path!)
            : path?.Split('/') is not [var module, _] || !CourseLayout.Modules(Course!.Folder).Contains(module)
                || !CourseLayout.Lessons(Course.Folder, module).Contains(path))
        {
            return NotFound();
        }

        var outcome = await Workspace.DeleteAsync(Editor!, Course, path!, fingerprint ?? "", ConfirmDelete, ConfirmIds, cancellationToken);
        if (outcome.Done)
        {
            TempData["Status"] = t["Workspace.Delete.Done", path!].Value;
            return RedirectToPage(new { courseId });
        }

        Error = outcome.Conflict ? t["Workspace.Delete.Conflict"]
            : outcome.Unconfirmed ? t["Workspace.Delete.ConfirmFirst", path!] : t["Workspace.Delete.Invalid", path!];
        (PendingDelete, Deletion) = outcome.Unconfirmed ? (path, outcome) : (null, null);
        Problems = outcome.Problems;
        await LoadAsync(cancellationToken);
        DeletedFiles = await Workspace.DeletedFilesAsync(Course, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(string courseId, CancellationToken cancellationToken)
    {
        if (!await AuthorizeAsync(courseId))
        {
            return NotFound();
        }

        var path = Path.Combine(Course!.Folder, "course.yml");
        var (text, hash) = CourseWorkspace.Read(path);
        if (CourseTemplates.Publish(text) is not { } published)
        {
            Error = t["Workspace.Publish.NotDraft"];
        }
        else
        {
            var outcome = await Workspace.SaveAsync(Editor!, Course.Id, Course.Folder,
                new Dictionary<string, FileChange> { ["course.yml"] = new(published, hash) }, "publish", cancellationToken);
            if (outcome.Saved)
            {
                TempData["Status"] = t["Workspace.Publish.Done"].Value;
                return RedirectToPage(new { courseId });
            }

            Error = outcome.ConflictPath is not null ? t["Workspace.Conflict.Short"] : t["Workspace.Publish.Invalid"];
            Problems = outcome.Problems;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostNewModuleAsync(string courseId, string? title, CancellationToken cancellationToken)
    {
        if (!await AuthorizeAsync(courseId))
        {
            return NotFound();
        }

        NewModuleTitle = title;

        var slug = CoursePaths.Slug(title);
        if (string.IsNullOrWhiteSpace(title) || title.Length > ContentLimits.MaxTitleLength || slug.Length == 0)
        {
            Error = t["Workspace.New.TitleRequired"];
            await LoadAsync(cancellationToken);
            return Page();
        }

        // Ids are unique in the whole course: a title that another module or lesson already has gets "-2".
        var taken = CourseLayout.TakenIds(Course!.Folder);
        var moduleId = CourseLayout.FreeId(slug, taken.Modules);
        var folder = $"{CourseTemplates.NextPrefix(CourseWorkspace.ModuleFolders(Course))}-{moduleId}";
        var lesson = $"{folder}/01-{CourseLayout.FreeId(CourseTemplates.IntroductionSlug(moduleId, Course.Language), taken.Lessons)}.md";
        return await CreateAsync(new Dictionary<string, string>
        {
            [$"{folder}/module.yml"] = CourseTemplates.Module(title.Trim()),
            [lesson] = CourseTemplates.Lesson(title.Trim(), Course.Language),
        }, lesson, cancellationToken);
    }

    public async Task<IActionResult> OnPostNewLessonAsync(string courseId, string? module, string? title, CancellationToken cancellationToken)
    {
        if (!await AuthorizeAsync(courseId))
        {
            return NotFound();
        }

        var slug = CoursePaths.Slug(title);
        if (module is null || !CourseWorkspace.ModuleFolders(Course!).Contains(module))
        {
            return NotFound();
        }

        (NewLessonTitle, NewLessonModule) = (title, module);

        if (string.IsNullOrWhiteSpace(title) || title.Length > ContentLimits.MaxTitleLength || slug.Length == 0)
        {
            Error = t["Workspace.New.TitleRequired"];
            await LoadAsync(cancellationToken);
            return Page();
        }

        var names = Directory.GetFiles(Path.Combine(Course!.Folder, module), "*.md").Select(Path.GetFileName).OfType<string>();
        var lesson = $"{module}/{CourseTemplates.NextPrefix(names)}-{CourseLayout.FreeId(slug, CourseLayout.TakenIds(Course.Folder).Lessons)}.md";
        return await CreateAsync(new Dictionary<string, string> { [lesson] = CourseTemplates.Lesson(title.Trim(), Course.Language) }, lesson, cancellationToken);
    }

    public async Task<IActionResult> OnPostUploadAsync(string courseId, string? module, IFormFile? upload, CancellationToken cancellationToken)
    {
        if (!await AuthorizeAsync(courseId))
        {
            return NotFound();
        }

        if (module is null || !CourseWorkspace.ModuleFolders(Course!).Contains(module))
        {
            return NotFound();
        }

        var name = UploadRules.NormalisedName(upload?.FileName);
        if (upload is null || upload.Length == 0)
        {
            Error = t["Workspace.Upload.Missing"];
        }
        else if (upload.Length > UploadRules.MaxBytes)
        {
            Error = t["Workspace.Upload.TooLarge", UploadRules.MaxBytes / (1024 * 1024)];
        }
        else if (name is null)
        {
            Error = t["Workspace.Upload.Refused", string.Join(", ", UploadRules.Images.Concat(UploadRules.Attachments))];
        }
        else
        {
            await using var stream = new MemoryStream();
            await upload.CopyToAsync(stream, cancellationToken);
            var extension = Path.GetExtension(name);
            if (!UploadRules.ContentMatches(extension, stream.GetBuffer().AsSpan(0, (int)Math.Min(16, stream.Length))))
            {
                Error = t["Workspace.Upload.NotMatching", extension];
            }
            else
            {
                var file = await Workspace.UploadAsync(Editor!, Course!, module, name, stream, cancellationToken);
                // Post/Redirect/Get like the other handlers: reloading the page must not upload a second copy.
                TempData[InsertMarkdownKey] = EditorSnippets.UploadMarkdown(Course!.Language, file, UploadRules.IsImage(extension));
                TempData["Status"] = t["Workspace.Upload.Done", file].Value;
                return RedirectToPage(new { courseId });
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Moves a module (path "02-kanavat") or a lesson ("02-kanavat/01-chat.md") up, down or to another module.</summary>
    public async Task<IActionResult> OnPostMoveAsync(string courseId, string? path, MoveDirection direction, string? target, string? fingerprint, CancellationToken cancellationToken)
    {
        if (!await AuthorizeAsync(courseId))
        {
            return NotFound();
        }

        var isModule = path is not null && !path.Contains('/');
        if (isModule ? !CourseLayout.Modules(Course!.Folder).Contains(path!) : CoursePaths.ResolveEditable(Course!.Folder, path) is null)
        {
            return NotFound();
        }

        // A direction that did not bind ("sideways") must not fall back to the default one.
        var renames = !ModelState.IsValid || !Enum.IsDefined(direction) ? []
            : isModule ? CourseLayout.MoveModule(Course.Folder, path!, direction) : CourseLayout.MoveLesson(Course.Folder, path!, direction, target);
        if (renames.Count == 0)
        {
            Error = t["Workspace.Move.Nothing"];
            await LoadAsync(cancellationToken);
            return Page();
        }

        var outcome = await Workspace.MoveAsync(Editor!, Course, renames, fingerprint ?? "", cancellationToken);
        if (outcome.Done)
        {
            TempData["Status"] = t["Workspace.Move.Done"].Value;
            return RedirectToPage(new { courseId });
        }

        Error = outcome.Conflict ? t["Workspace.Move.Conflict"] : t["Workspace.Move.Invalid"];
        await LoadAsync(cancellationToken);
        Problems = outcome.Problems;
        return Page();
    }

    private async Task<IActionResult> CreateAsync(Dictionary<string, string> files, string open, CancellationToken cancellationToken)
    {
        if (files.Keys.Any(f => System.IO.File.Exists(Path.Combine(Course!.Folder, f))))
        {
            Error = t["Workspace.New.Exists"];
            await LoadAsync(cancellationToken);
            return Page();
        }

        var outcome = await Workspace.SaveAsync(Editor!, Course!.Id, Course.Folder,
            files.ToDictionary(f => f.Key, f => new FileChange(f.Value, null)), "create", cancellationToken);
        if (outcome.Saved)
        {
            return RedirectToPage("/Trainer/Workspace/Edit", new { courseId = Course.Id, path = open });
        }

        Error = t["Workspace.New.Invalid"];
        await LoadAsync(cancellationToken);
        Problems = outcome.Problems;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Files = CourseWorkspace.Files(Course!);
        Modules = CourseWorkspace.ModuleFolders(Course!);
        var catalog = Workspace.Catalog;
        var served = catalog.Find(Course!.Id);
        IsServed = served is not null;
        Extent = served is null ? [] : CourseExtent.Of(served).Findings();
        Layout = CourseLayout.Modules(Course.Folder).Select(m => (m, CourseLayout.Lessons(Course.Folder, m))).ToList();
        Fingerprint = CourseLayout.Fingerprint(Course.Folder);
        Titles = FileTitles.Of(Course.Folder, Layout.SelectMany(m => m.Lessons.Prepend(m.Module + "/module.yml")));
        EditorWarnings = await Workspace.EditorsWithoutAccountAsync(Course, cancellationToken);
        if (Problems.Count == 0)
        {
            Problems = catalog.Problems.Where(p => p.File.StartsWith(Course.Id + "/", StringComparison.Ordinal)).ToList();
        }
    }
}
