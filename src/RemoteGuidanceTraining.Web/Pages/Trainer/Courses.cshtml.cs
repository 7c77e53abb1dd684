using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Courses;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Authoring;
using RemoteGuidanceTraining.Web.Courses;

namespace RemoteGuidanceTraining.Web.Pages.Trainer;

/// <summary>The workspace's front page: the courses this trainer may edit (admins: all), and a new course from the template.</summary>
public class CoursesModel(CourseWorkspace workspace, EditorResolver editors, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [BindProperty]
    public string? NewTitle { get; set; }

    [BindProperty]
    public string? NewId { get; set; }

    // Checked by hand against the three languages, with the page's own message.
    [BindProperty]
    [ValidateNever]
    public string NewLanguage { get; set; } = "fi";

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await editors.CurrentAsync(User) is not { } editor)
        {
            return NotFound();
        }

        await LoadAsync(editor, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (await editors.CurrentAsync(User) is not { } editor)
        {
            return NotFound();
        }

        var title = NewTitle?.Trim() ?? "";
        var id = string.IsNullOrWhiteSpace(NewId) ? CoursePaths.Slug(title) : NewId.Trim();
        if (title.Length is 0 or > ContentLimits.MaxTitleLength)
        {
            Error = t["Workspace.NewCourse.TitleRequired"];
        }
        else if (!CoursePaths.IsValidId(id))
        {
            Error = t["Workspace.NewCourse.BadId"];
        }
        else if (Directory.Exists(Path.Combine(workspace.Root, id)))
        {
            Error = t["Workspace.NewCourse.Exists", id];
        }
        else if (NewLanguage is not ("fi" or "sv" or "en"))
        {
            Error = t["Workspace.NewCourse.BadLanguage"];
        }

        if (Error is null)
        {
            var files = CourseTemplates.NewCourse(title, NewLanguage, editor.Email).ToDictionary(f => f.Key, f => new FileChange(f.Value, null));
            var outcome = await workspace.SaveAsync(editor, id, Path.Combine(workspace.Root, id), files, "create", cancellationToken);
            if (outcome.Saved)
            {
                TempData["Status"] = t["Workspace.NewCourse.Created"].Value;
                return RedirectToPage("/Trainer/Workspace/Course", new { courseId = id });
            }

            Error = string.Join(" ", outcome.Problems.Select(p => $"{p.File}:{p.Line}: {ProblemText.Plain(t, p)}"));
        }

        await LoadAsync(editor, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Editor editor, CancellationToken cancellationToken)
    {
        var catalog = workspace.Catalog;
        var courses = workspace.Courses(editor);
        var last = await workspace.LastChangesAsync(courses.Select(c => c.Id).ToList(), cancellationToken);
        Rows = courses.Select(c =>
        {
            var problems = catalog.Problems.Where(p => p.File.StartsWith(c.Id + "/", StringComparison.Ordinal)).ToList();
            var errors = problems.Where(p => p.Severity == ProblemSeverity.Error).OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ToList();
            return new Row(c, catalog.Find(c.Id) is not null, errors.Count, problems.Count(p => p.Severity == ProblemSeverity.Warning),
                last.GetValueOrDefault(c.Id), LastWrite(c.Folder), errors.Take(ErrorsShown).ToList());
        }).ToList();
    }

    private static DateTime LastWrite(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(System.IO.File.GetLastWriteTimeUtc).DefaultIfEmpty(Directory.GetLastWriteTimeUtc(folder)).Max();

    /// <summary>The first errors are listed in the row itself: a course that does not load is fixed from here.</summary>
    public const int ErrorsShown = 3;


    /// <summary>A course in the list, with the first of its errors.</summary>
    public sealed record Row(WorkspaceCourse Course, bool IsServed, int Errors, int Warnings, CourseFileRevision? LastRevision, DateTime LastWriteUtc,
        IReadOnlyList<CourseProblem> FirstErrors);
}
