using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Courses;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Courses;

namespace RemoteGuidanceTraining.Web.Authoring;

/// <summary>
/// What a move or a deletion did: done, or refused with the course's problems, the lessons in the way, or because the
/// course changed meanwhile; or, for a deletion nothing stands in the way of, waiting for the editor to confirm it.
/// </summary>
public sealed record FilesOutcome(bool Done, bool Conflict, IReadOnlyList<CourseProblem> Problems, IReadOnlyList<string> ReferencedBy, bool Unconfirmed = false)
{
    public static readonly FilesOutcome Ok = new(true, false, [], []);

    public static readonly FilesOutcome ConfirmFirst = new(false, false, [], [], Unconfirmed: true);
}

/// <summary>An uploaded image or attachment as the uploads list shows it; who and when are null for files put there by other means.</summary>
public sealed record UploadedFile(string Path, long Bytes, bool IsImage, string? AuthorName, DateTime? UploadedAtUtc, DateTime ModifiedAtUtc);

public sealed partial class CourseWorkspace
{
    /// <summary>
    /// Renames module folders or lesson files (a reorder) when the layout is still the one the editor saw and the
    /// course loads with the same ids afterwards. The history follows the files: earlier versions move to the new
    /// paths, and a "move" version records who moved what and when.
    /// </summary>
    public async Task<FilesOutcome> MoveAsync(Editor editor, WorkspaceCourse course, IReadOnlyList<Rename> renames, string fingerprint, CancellationToken cancellationToken)
    {
        await using (await WriteLockAsync(course.Id, cancellationToken))
        {
            if (CourseLayout.Fingerprint(course.Folder) != fingerprint)
            {
                return new FilesOutcome(false, true, [], []);
            }

            var (before, after) = ValidateWith(course.Id, course.Folder, temp => ApplyRenames(temp, renames));
            if (after.Course is null || before.Course is null || !SameIds(before.Course, after.Course))
            {
                return new FilesOutcome(false, false, after.Problems, []);
            }

            var done = ApplyRenames(course.Folder, renames);
            try
            {
                await RecordMovesAsync(editor, course, renames, cancellationToken);
            }
            catch
            {
                Undo(course.Folder, done);
                throw;
            }

            LogMoved(logger, editor.Email, course.Id, string.Join(", ", renames.Select(r => $"{r.From} → {r.To}")));
        }

        catalog.Reload();
        return FilesOutcome.Ok;
    }

    /// <summary>Images and attachments in the course's module folders, newest upload first.</summary>
    public async Task<IReadOnlyList<UploadedFile>> UploadsAsync(WorkspaceCourse course, CancellationToken cancellationToken)
    {
        var files = ModuleFolders(course)
            .SelectMany(module => Directory.GetFiles(Path.Combine(course.Folder, module)).Select(f => $"{module}/{Path.GetFileName(f)}"))
            .Where(path => IsUpload(course.Folder, path)).ToList();
        var uploads = await db.Set<CourseFileRevision>().AsNoTracking()
            .Where(r => r.CourseId == course.Id && r.Action == "upload" && files.Contains(r.Path))
            .Select(r => new { r.Path, r.AuthorName, r.CreatedAtUtc }).ToListAsync(cancellationToken);
        return files.Select(path =>
        {
            var info = new FileInfo(Path.Combine(course.Folder, path));
            var last = uploads.Where(u => u.Path == path).MaxBy(u => u.CreatedAtUtc);
            return new UploadedFile(path, info.Length, UploadRules.IsImage(info.Extension.ToLowerInvariant()), last?.AuthorName, last?.CreatedAtUtc, info.LastWriteTimeUtc);
        }).OrderByDescending(f => f.UploadedAtUtc ?? f.ModifiedAtUtc).ToList();
    }

    /// <summary>
    /// Writes an upload into the module folder under a free name ("kuva.png", or "kuva-2.png" when that exists: an
    /// upload never replaces a file) and records who and when (the bytes are not kept); returns the name written.
    /// </summary>
    public async Task<string> UploadAsync(Editor editor, WorkspaceCourse course, string module, string name, MemoryStream content, CancellationToken cancellationToken)
    {
        await using (await WriteLockAsync(course.Id, cancellationToken))
        {
            var target = FreeName(Path.Combine(course.Folder, module), name);
            content.Position = 0;
            WriteAtomically(target, content);
            var file = Path.GetFileName(target);
            var revision = Revision(course.Id, $"{module}/{file}", "", editor.UserId, editor.Name, "upload", clock.GetUtcNow().UtcDateTime);
            revision.ContentHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content.ToArray()));
            db.Add(revision);
            await db.SaveChangesAsync(cancellationToken);
            return file;
        }
    }

    private static string FreeName(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        for (var n = 2; File.Exists(path); n++)
        {
            path = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(name)}-{n}{Path.GetExtension(name)}");
        }

        return path;
    }

    /// <summary>
    /// The lessons whose text points at the file: they would lose an image or a link if it went. A lesson beside it
    /// names it alone ("kuva.png", "./kuva.png"); any lesson may name it with its folder ("../01-alku/kuva.png").
    /// </summary>
    public static IReadOnlyList<string> LessonsReferring(WorkspaceCourse course, string relative)
    {
        var module = relative[..relative.IndexOf('/')];
        var name = Regex.Escape(Path.GetFileName(relative));
        // A Markdown or HTML target: after "(", a quote or a space, before ")", a quote, "#", "?" or a space.
        var before = "(?<=[(\"'\\s])";
        var after = "(?=[)\"'\\s#?])";
        var withFolder = new Regex($"{before}(\\.\\./)?{Regex.Escape(module)}/{name}{after}", RegexOptions.None, TimeSpan.FromSeconds(1));
        var alone = new Regex($"{before}(\\./)?{name}{after}", RegexOptions.None, TimeSpan.FromSeconds(1));
        return Files(course).Where(f => f.EndsWith(".md", StringComparison.Ordinal)).Where(f =>
        {
            var text = File.ReadAllText(Path.Combine(course.Folder, f));
            return withFolder.IsMatch(text) || (f.StartsWith(module + "/", StringComparison.Ordinal) && alone.IsMatch(text));
        }).ToList();
    }

    /// <summary>
    /// Deletes an uploaded file – refused while a lesson still refers to it (the decision in README: a deletion
    /// never breaks a course), and only when the course still loads without it. The refusals come first; a file
    /// that may go is deleted only once <paramref name="confirmed"/>, since its bytes are not kept anywhere.
    /// </summary>
    public async Task<FilesOutcome> DeleteUploadAsync(Editor editor, WorkspaceCourse course, string relative, bool confirmed, CancellationToken cancellationToken)
    {
        await using (await WriteLockAsync(course.Id, cancellationToken))
        {
            var full = Path.Combine(course.Folder, relative);
            var referring = LessonsReferring(course, relative);
            if (referring.Count > 0)
            {
                return new FilesOutcome(false, false, [], referring);
            }

            var (before, after) = ValidateWith(course.Id, course.Folder, temp => File.Delete(Path.Combine(temp, relative)));
            if (after.Course is null && before.Course is not null)
            {
                return new FilesOutcome(false, false, after.Problems, []);
            }

            if (!confirmed)
            {
                return FilesOutcome.ConfirmFirst;
            }

            db.Add(Revision(course.Id, relative, "", editor.UserId, editor.Name, "delete", clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(cancellationToken);
            File.Delete(full);
            LogDeleted(logger, editor.Email, course.Id, relative);
        }

        catalog.Reload();
        return FilesOutcome.Ok;
    }

    /// <summary>An image or attachment of the allowed types directly in a module folder (not a lesson, not hidden).</summary>
    public static bool IsUpload(string courseFolder, string? relative) =>
        CoursePaths.Resolve(courseFolder, relative) is { } full && File.Exists(full) && relative!.Count(c => c == '/') == 1
        && (UploadRules.Images.Contains(Path.GetExtension(full)) || UploadRules.Attachments.Contains(Path.GetExtension(full)));

    /// <summary>Loads the course from a temporary copy before and after <paramref name="change"/>; nothing real is touched.</summary>
    private (CourseLoadResult Before, CourseLoadResult After) ValidateWith(string courseId, string sourceFolder, Action<string> change)
    {
        var tempRoot = Path.Combine(Path.GetTempPath(), "rgt-validate-" + Guid.NewGuid().ToString("N"));
        var tempCourse = Path.Combine(tempRoot, courseId);
        try
        {
            Directory.CreateDirectory(tempCourse);
            CopyFolder(sourceFolder, tempCourse);
            var before = CourseLoader.LoadCourse(tempRoot, tempCourse, CourseRoutes.Host(clock));
            change(tempCourse);
            return (before, CourseLoader.LoadCourse(tempRoot, tempCourse, CourseRoutes.Host(clock)));
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

    private static bool SameIds(Course before, Course after) =>
        before.Modules.Select(m => m.Id).Order(StringComparer.Ordinal).SequenceEqual(after.Modules.Select(m => m.Id).Order(StringComparer.Ordinal))
        && before.Lessons.Select(l => l.Id).Order(StringComparer.Ordinal).SequenceEqual(after.Lessons.Select(l => l.Id).Order(StringComparer.Ordinal));

    /// <summary>
    /// Each rename is one atomic rename(2). Two rounds – first to hidden temporary names, then to the final ones –
    /// so swapping "01-a" and "02-b" never meets a name that is still taken. Returns the steps done, for undoing.
    /// </summary>
    private static List<Rename> ApplyRenames(string courseFolder, IReadOnlyList<Rename> renames)
    {
        var done = new List<Rename>();
        try
        {
            // A leading '.' keeps the course loader (and a file watcher's reload) from reading a parked name.
            var parked = renames.Select(r => (Rename: r, Temp: r.From[..(r.From.LastIndexOf('/') + 1)] + $".move-{Guid.NewGuid():N}")).ToList();
            foreach (var (rename, temp) in parked)
            {
                MovePath(courseFolder, rename.From, temp);
                done.Add(new Rename(rename.From, temp));
            }

            foreach (var (rename, temp) in parked)
            {
                if (Exists(Path.Combine(courseFolder, rename.To)))
                {
                    throw new IOException($"'{rename.To}' exists already.");
                }

                MovePath(courseFolder, temp, rename.To);
                done.Add(new Rename(temp, rename.To));
            }

            return done;
        }
        catch
        {
            Undo(courseFolder, done);
            throw;
        }
    }

    private static void Undo(string courseFolder, List<Rename> done)
    {
        foreach (var step in Enumerable.Reverse(done))
        {
            MovePath(courseFolder, step.To, step.From);
        }
    }

    private static void MovePath(string courseFolder, string from, string to)
    {
        var source = Path.Combine(courseFolder, from);
        var target = Path.Combine(courseFolder, to);
        if (Directory.Exists(source))
        {
            Directory.Move(source, target);
        }
        else
        {
            File.Move(source, target);
        }
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    private static string? Moved(string path, IReadOnlyList<Rename> renames) =>
        renames.Select(r => path == r.From ? r.To : path.StartsWith(r.From + "/", StringComparison.Ordinal) ? r.To + path[r.From.Length..] : null)
            .FirstOrDefault(p => p is not null);

    private async Task RecordMovesAsync(Editor editor, WorkspaceCourse course, IReadOnlyList<Rename> renames, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.Set<CourseFileRevision>().Where(r => r.CourseId == course.Id)
            .Select(r => new { r.Id, r.Path }).ToListAsync(cancellationToken);
        foreach (var group in existing.Select(r => (r.Id, To: Moved(r.Path, renames))).Where(r => r.To is not null).GroupBy(r => r.To!))
        {
            var ids = group.Select(r => r.Id).ToList();
            await db.Set<CourseFileRevision>().Where(r => ids.Contains(r.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Path, group.Key), cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var path in Files(course).Where(p => renames.Any(r => p == r.To || p.StartsWith(r.To + "/", StringComparison.Ordinal))))
        {
            var text = Read(Path.Combine(course.Folder, path)).Text;
            if (text.Length <= CourseFileRevision.MaxContentLength)
            {
                db.Add(Revision(course.Id, path, text, editor.UserId, editor.Name, "move", now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Workspace: {Email} reordered {Course}: {Renames}.")]
    private static partial void LogMoved(ILogger logger, string email, string course, string renames);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workspace: {Email} deleted {Course}/{File}.")]
    private static partial void LogDeleted(ILogger logger, string email, string course, string file);
}
