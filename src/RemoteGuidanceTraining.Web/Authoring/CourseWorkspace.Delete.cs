using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Web.Authoring;

/// <summary>
/// What deleting a lesson or a module did: done; refused because the course changed meanwhile or would have errors
/// (<c>Problems</c>, each at its file and line); or waiting for the editor to confirm, with the files that go, the
/// ids of the published course that disappear and how many people have progress on them (in <c>Warnings</c>).
/// </summary>
public sealed record DeletionOutcome(bool Done, bool Conflict, IReadOnlyList<CourseProblem> Problems)
{
    public static readonly DeletionOutcome Ok = new(true, false, []);

    public bool Unconfirmed { get; init; }

    public IReadOnlyList<string> Files { get; init; } = [];

    public SaveWarnings Warnings { get; init; } = SaveWarnings.None;
}

public sealed partial class CourseWorkspace
{
    /// <summary>
    /// Deletes a lesson file or a module folder with everything in it, the way a save goes: refused when the layout
    /// is not the one the editor saw or when the course would get an error it did not have (a link to the lesson, a
    /// lesson using an image); otherwise done only once <paramref name="confirmed"/>, and on a published course where
    /// someone has progress on the ids it loses only once <paramref name="confirmIds"/> names them too. Each text file's last
    /// text stays in its history, followed by a "delete" version, so it can be restored from there.
    /// </summary>
    public async Task<DeletionOutcome> DeleteAsync(Editor editor, WorkspaceCourse course, string relative, string fingerprint,
        bool confirmed, string? confirmIds, CancellationToken cancellationToken)
    {
        await using (await WriteLockAsync(course.Id, cancellationToken))
        {
            if (CourseLayout.Fingerprint(course.Folder) != fingerprint)
            {
                return new DeletionOutcome(false, true, []);
            }

            var full = Path.Combine(course.Folder, relative);
            var isFolder = Directory.Exists(full);
            var files = isFolder
                ? Directory.GetFiles(full).Select(f => $"{relative}/{Path.GetFileName(f)}").Order(StringComparer.Ordinal).ToList()
                : [relative];
            var (before, after) = ValidateWith(course.Id, course.Folder, temp => DeletePath(Path.Combine(temp, relative)));
            if (after.Course is null && (before.Course is not null || AddsErrors(before, after)))
            {
                return new DeletionOutcome(false, false, after.Problems.Where(p => p.Severity == ProblemSeverity.Error).ToList());
            }

            var warnings = await WarningsAsync(course, after, cancellationToken);
            if (!confirmed || (warnings.ProgressStartsOver && !warnings.ConfirmsIds(confirmIds)))
            {
                return new DeletionOutcome(false, false, []) { Unconfirmed = true, Files = files, Warnings = warnings };
            }

            await RecordDeletionAsync(editor, course, files, cancellationToken);
            DeletePath(full);
            LogDeleted(logger, editor.Email, course.Id, relative);
        }

        catalog.Reload();
        return DeletionOutcome.Ok;
    }

    /// <summary>Text files whose newest version is a deletion and that are not back on disk: the course page offers their history.</summary>
    public async Task<IReadOnlyList<string>> DeletedFilesAsync(WorkspaceCourse course, CancellationToken cancellationToken)
    {
        var newest = await db.Set<CourseFileRevision>().AsNoTracking().Where(r => r.CourseId == course.Id)
            .GroupBy(r => r.Path).Select(g => g.Max(r => r.Id)).ToListAsync(cancellationToken);
        var deleted = await db.Set<CourseFileRevision>().AsNoTracking().Where(r => newest.Contains(r.Id) && r.Action == "delete")
            .Select(r => r.Path).ToListAsync(cancellationToken);
        return deleted.Where(p => CoursePaths.EditableExtensions.Contains(Path.GetExtension(p))
                && CoursePaths.Resolve(course.Folder, p) is { } full && !File.Exists(full))
            .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The text each file has now becomes a version when the history does not end with it already (a file never
    /// saved here, or changed on disk since), so "restore" finds it; then a "delete" version records who and when.
    /// </summary>
    private async Task RecordDeletionAsync(Editor editor, WorkspaceCourse course, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var path in files)
        {
            if (CoursePaths.EditableExtensions.Contains(Path.GetExtension(path)))
            {
                var (text, hash) = Read(Path.Combine(course.Folder, path));
                var last = await db.Set<CourseFileRevision>().AsNoTracking().Where(r => r.CourseId == course.Id && r.Path == path)
                    .OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id).Select(r => r.ContentHash).FirstOrDefaultAsync(cancellationToken);
                if (last != hash && text.Length <= CourseFileRevision.MaxContentLength)
                {
                    db.Add(Revision(course.Id, path, text, null, "", "baseline", now.AddTicks(-1)));
                }
            }

            db.Add(Revision(course.Id, path, "", editor.UserId, editor.Name, "delete", now));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void DeletePath(string full)
    {
        if (Directory.Exists(full))
        {
            Directory.Delete(full, recursive: true);
        }
        else
        {
            File.Delete(full);
        }
    }
}
