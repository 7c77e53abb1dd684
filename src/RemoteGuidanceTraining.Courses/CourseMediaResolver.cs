using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses;

/// <summary>
/// Maps a media URL's path to a file, only if it is a media file inside that course's folder. Everything a
/// visitor can put in a URL (.., encoded dots, absolute paths, backslashes, links that lead out) is refused.
/// </summary>
public static class CourseMediaResolver
{
    // .csv for downloadable templates (channel maps, rotas) that open in a spreadsheet.
    public static readonly IReadOnlyList<string> MediaExtensions =
        [".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".pdf", ".mp3", ".mp4", ".txt", ".csv", ".docx", ".xlsx", ".pptx"];

    public static bool IsMediaFile(string path) => MediaExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    public static string? Resolve(Course course, string? relativePath)
    {
        var path = Uri.UnescapeDataString(relativePath ?? "");
        if (path.Length == 0 || path.Contains('\\') || path.Contains('\0') || Path.IsPathRooted(path) || path.StartsWith('/'))
        {
            return null;
        }

        var segments = path.Split('/');
        if (segments.Any(s => s.Length == 0 || s == "." || s == ".." || s.StartsWith('.')))
        {
            return null;
        }

        var root = Path.GetFullPath(course.Folder);
        var full = Path.GetFullPath(Path.Combine(root, path));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !IsMediaFile(full) || !File.Exists(full))
        {
            return null;
        }

        // A symbolic link (the file itself, or any folder on the way) may lead out of the folder although the path
        // is inside: compare real paths, with every link resolved.
        var realRoot = RealPath(root);
        return RealPath(full).StartsWith(realRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    /// <summary>The path with every symbolic link along it resolved, like realpath(3).</summary>
    public static string RealPath(string path)
    {
        var current = Path.GetPathRoot(path)!;
        foreach (var part in path[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            var info = new FileInfo(current);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                current = RealPath(Path.GetFullPath(target.FullName));
            }
        }

        return current;
    }
}
