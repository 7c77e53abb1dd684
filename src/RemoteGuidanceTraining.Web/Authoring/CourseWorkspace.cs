using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Courses;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Authoring;

/// <summary>The signed-in trainer or admin working in the workspace.</summary>
public sealed record Editor(string UserId, string Email, string Name, bool IsAdmin);

/// <summary>
/// A course folder the editor may edit (it may have errors and so be missing from the catalog); Language is what
/// course.yml says, null when it says nothing.
/// </summary>
public sealed record WorkspaceCourse(string Id, string Folder, string Title, bool IsDraft, IReadOnlyList<string> Editors, string? Language = null);

/// <summary>A new text for one file; <c>BaseHash</c> is the hash of the text the editor started from, null for a new file.</summary>
public sealed record FileChange(string Text, string? BaseHash);

/// <summary>What a save did: saved, refused because the course would break, or refused because a file changed meanwhile.</summary>
public sealed record SaveOutcome(bool Saved, IReadOnlyList<CourseProblem> Problems, string? ConflictPath, string? ConflictText, string? ConflictHash);

/// <summary>
/// The trainers' workspace on the course files: who may edit which course, validation with a change applied,
/// atomic saves with conflict detection, and every saved version kept in the database.
/// </summary>
public sealed partial class CourseWorkspace(CatalogHolder catalog, AppDbContext db, DatabaseLocks locks, TimeProvider clock, ILogger<CourseWorkspace> logger)
{
    /// <summary>
    /// One writer at a time per course, in every instance: the conflict check, the write and its revision belong
    /// together (save, move, delete and upload all take it). On PostgreSQL the other instances wait too.
    /// </summary>
    private Task<IAsyncDisposable> WriteLockAsync(string courseId, CancellationToken cancellationToken) =>
        locks.AcquireAsync("workspace:" + courseId, cancellationToken);

    public string Root => catalog.Current.RootFolder;

    public CourseCatalog Catalog => catalog.Current;

    public static bool MayEdit(Editor editor, IReadOnlyList<string> editors) =>
        editor.IsAdmin || editors.Contains(editor.Email.ToLowerInvariant());

    public IReadOnlyList<WorkspaceCourse> Courses(Editor editor)
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        return Directory.GetDirectories(Root).Order(StringComparer.Ordinal)
            .Select(folder => Find(editor, Path.GetFileName(folder)))
            .OfType<WorkspaceCourse>().ToList();
    }

    /// <summary>The course when it exists and the editor may edit it; null otherwise (the pages answer 404 either way).</summary>
    public WorkspaceCourse? Find(Editor editor, string? courseId)
    {
        var folder = CoursePaths.CourseFolder(Root, courseId);
        if (folder is null)
        {
            return null;
        }

        var header = CourseHeader.Read(folder);
        return MayEdit(editor, header.Editors) ? new WorkspaceCourse(courseId!, folder, header.Title ?? courseId!, header.IsDraft, header.Editors, header.Language) : null;
    }

    /// <summary>course.yml, then each module's module.yml and lessons, in the order participants meet them.</summary>
    public static IReadOnlyList<string> Files(WorkspaceCourse course)
    {
        var files = new List<string>();
        if (File.Exists(Path.Combine(course.Folder, "course.yml")))
        {
            files.Add("course.yml");
        }

        foreach (var module in ModuleFolders(course))
        {
            var folder = Path.Combine(course.Folder, module);
            files.AddRange(Directory.GetFiles(folder).Order(StringComparer.Ordinal)
                .Select(f => $"{module}/{Path.GetFileName(f)}")
                .Where(f => CoursePaths.ResolveEditable(course.Folder, f) is not null));
        }

        return files;
    }

    public static IReadOnlyList<string> ModuleFolders(WorkspaceCourse course) =>
        Directory.GetDirectories(course.Folder).Select(Path.GetFileName).OfType<string>()
            .Where(name => CoursePaths.Resolve(course.Folder, name) is not null).Order(StringComparer.Ordinal).ToList();

    public static (string Text, string Hash) Read(string fullPath)
    {
        var text = File.ReadAllText(fullPath);
        return (text, Hash(text));
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    /// <summary>Browsers send textarea lines ending in CRLF; files keep LF.</summary>
    public static string Normalise(string? text) => (text ?? "").Replace("\r\n", "\n").Replace('\r', '\n');

    /// <summary>
    /// Loads the course as it would be with <paramref name="changes"/> applied, from a copy in a temporary folder,
    /// so nothing participants see changes. Problem paths are the same as for the real folder.
    /// </summary>
    public CourseLoadResult Validate(string courseId, string? sourceFolder, IReadOnlyDictionary<string, string> changes)
    {
        var tempRoot = Path.Combine(Path.GetTempPath(), "rgt-validate-" + Guid.NewGuid().ToString("N"));
        var tempCourse = Path.Combine(tempRoot, courseId);
        try
        {
            Directory.CreateDirectory(tempCourse);
            if (sourceFolder is not null)
            {
                CopyFolder(sourceFolder, tempCourse);
            }

            foreach (var (relative, text) in changes)
            {
                var path = Path.Combine(tempCourse, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text);
            }

            return CourseLoader.LoadCourse(tempRoot, tempCourse, CourseRoutes.Host(clock));
        }
        finally
        {
            try
            {
                Directory.Delete(tempRoot, recursive: true);
            }
            catch (IOException error)
            {
                LogTempNotDeleted(logger, tempRoot, error);
            }
        }
    }

    /// <summary>
    /// Saves the changes if no file changed since the editor opened it and the course stays valid: each file is
    /// written to a temporary file beside it and renamed over it, and each new text is kept as a revision.
    /// </summary>
    public async Task<SaveOutcome> SaveAsync(Editor editor, string courseId, string courseFolder,
        IReadOnlyDictionary<string, FileChange> changes, string action, CancellationToken cancellationToken)
    {
        var texts = changes.ToDictionary(c => c.Key, c => Normalise(c.Value.Text));
        await using (await WriteLockAsync(courseId, cancellationToken))
        {
            foreach (var (relative, change) in changes)
            {
                var full = Path.Combine(courseFolder, relative);
                var exists = File.Exists(full);
                var current = exists ? Read(full) : (Text: "", Hash: "");
                if (change.BaseHash is null ? exists : !exists || current.Hash != change.BaseHash)
                {
                    return new SaveOutcome(false, [], relative, current.Text, current.Hash);
                }
            }

            var (result, refused) = Check(courseId, courseFolder, texts);
            if (refused)
            {
                return new SaveOutcome(false, result.Problems, null, null, null);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var (relative, text) in texts)
            {
                var full = Path.Combine(courseFolder, relative);
                if (File.Exists(full) && !await db.Set<CourseFileRevision>().AnyAsync(r => r.CourseId == courseId && r.Path == relative, cancellationToken))
                {
                    var before = Read(full);
                    if (before.Text.Length <= CourseFileRevision.MaxContentLength)
                    {
                        db.Add(Revision(courseId, relative, before.Text, null, "", "baseline", now.AddTicks(-1)));
                    }
                }

                WriteAtomically(full, text);
                db.Add(Revision(courseId, relative, text, editor.UserId, editor.Name, action, now));
            }

            await db.SaveChangesAsync(cancellationToken);
            LogSaved(logger, editor.Email, courseId, string.Join(", ", texts.Keys));
        }

        catalog.Reload();
        return new SaveOutcome(true, [], null, null, null);
    }

    /// <summary>
    /// The course loaded with <paramref name="changes"/> applied, and whether <see cref="SaveAsync"/> refuses them:
    /// the pages ask this before any confirmation, so a save that cannot succeed shows its errors first.
    /// </summary>
    public (CourseLoadResult Result, bool Refused) Check(string courseId, string courseFolder, IReadOnlyDictionary<string, string> changes)
    {
        var source = Directory.Exists(courseFolder) ? courseFolder : null;
        var result = Validate(courseId, source, changes);
        return (result, result.Course is null && (source is null || AddsErrors(Validate(courseId, source, NoChanges), result)));
    }

    private static readonly Dictionary<string, string> NoChanges = [];

    // A course that already does not load (broken outside the workspace, perhaps in several files) is mended one file
    // at a time: a save is refused only when it brings an error the course did not have (same file and message; the
    // lines may move), so nothing that loaded breaks and every save leaves the course no worse.
    private static bool AddsErrors(CourseLoadResult before, CourseLoadResult after)
    {
        var known = before.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => (p.File, p.Message)).ToList();
        return after.Problems.Where(p => p.Severity == ProblemSeverity.Error).Any(p => !known.Remove((p.File, p.Message)));
    }

    public Task<List<CourseFileRevision>> HistoryAsync(string courseId, string relative, CancellationToken cancellationToken) =>
        db.Set<CourseFileRevision>().AsNoTracking().Where(r => r.CourseId == courseId && r.Path == relative)
            .OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id).Take(200).ToListAsync(cancellationToken);

    /// <summary>
    /// Who wrote the text a refused save found on disk: the newest workspace revision of the file with exactly that
    /// text (matched by hash, not merely the newest, so a file changed on disk outside the workspace names nobody
    /// rather than the wrong person). Null when no workspace save wrote it.
    /// </summary>
    public Task<CourseFileRevision?> RevisionWithTextAsync(string courseId, string relative, string contentHash, CancellationToken cancellationToken) =>
        db.Set<CourseFileRevision>().AsNoTracking()
            .Where(r => r.CourseId == courseId && r.Path == relative && r.ContentHash == contentHash && r.AuthorId != null)
            .OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);

    public Task<CourseFileRevision?> RevisionAsync(string courseId, int id, CancellationToken cancellationToken) =>
        db.Set<CourseFileRevision>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.CourseId == courseId, cancellationToken);

    /// <summary>The newest revision of each course, for the list's "last change".</summary>
    public async Task<Dictionary<string, CourseFileRevision>> LastChangesAsync(IReadOnlyCollection<string> courseIds, CancellationToken cancellationToken)
    {
        var ids = courseIds.ToList();
        var latest = await db.Set<CourseFileRevision>().AsNoTracking().Where(r => ids.Contains(r.CourseId) && r.AuthorId != null)
            .GroupBy(r => r.CourseId).Select(g => g.Max(r => r.Id)).ToListAsync(cancellationToken);
        return await db.Set<CourseFileRevision>().AsNoTracking().Where(r => latest.Contains(r.Id))
            .ToDictionaryAsync(r => r.CourseId, cancellationToken);
    }

    private static CourseFileRevision Revision(string courseId, string path, string text, string? authorId, string authorName, string action, DateTime at) => new()
    {
        CourseId = courseId,
        Path = path,
        Content = text,
        ContentHash = Hash(text),
        AuthorId = authorId,
        AuthorName = authorName,
        Action = action,
        CreatedAtUtc = at,
    };

    /// <summary>Readers see the old file or the new one, never half of one: rename replaces the file in one step.</summary>
    public static void WriteAtomically(string path, string text)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        // A leading '.' keeps the course loader from reading the temporary file.
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, text);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public static void WriteAtomically(string path, Stream content)
    {
        var folder = Path.GetDirectoryName(path)!;
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = File.Create(temp))
            {
                content.CopyTo(file);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is not null)
            {
                continue;
            }

            var target = Path.Combine(to, entry.Name);
            if (entry is DirectoryInfo)
            {
                Directory.CreateDirectory(target);
                CopyFolder(entry.FullName, target);
            }
            else if (CoursePaths.EditableExtensions.Contains(Path.GetExtension(entry.Name)))
            {
                File.Copy(entry.FullName, target);
            }
            else
            {
                // The engine only checks that images and attachments exist: an empty stand-in keeps a preview on
                // every keystroke from copying megabytes of media.
                File.Create(target).Dispose();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Workspace: {Email} saved {Course}: {Files}.")]
    private static partial void LogSaved(ILogger logger, string email, string course, string files);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workspace: could not delete the validation folder {Folder}.")]
    private static partial void LogTempNotDeleted(ILogger logger, string folder, Exception error);
}
