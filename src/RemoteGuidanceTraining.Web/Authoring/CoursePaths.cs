using System.Text;
using System.Text.RegularExpressions;

namespace RemoteGuidanceTraining.Web.Authoring;

/// <summary>
/// Turns what a request names (a course id, a path inside it) into a file on disk, or refuses. Everything the
/// workspace touches goes through here, so a guessed "../", an absolute path, a link leading out of the folder or
/// another course's id never reaches the file system.
/// </summary>
public static partial class CoursePaths
{
    /// <summary>The text files a trainer edits in the browser.</summary>
    public static readonly string[] EditableExtensions = [".md", ".yml"];

    public const int MaxPathLength = 200;

    public static bool IsValidId(string? id) => id is { Length: > 0 and <= 80 } && IdPattern().IsMatch(id);

    /// <summary>The course folder for an id, or null when the id is malformed or no such folder exists.</summary>
    public static string? CourseFolder(string root, string? courseId)
    {
        if (!IsValidId(courseId))
        {
            return null;
        }

        var folder = Path.Combine(root, courseId!);
        return Directory.Exists(folder) && !IsLink(folder) ? folder : null;
    }

    /// <summary>
    /// A path inside the course folder (forward slashes, relative), or null: empty, too long, absolute, with "..",
    /// a backslash, a hidden or ignored segment, or a segment that is a symbolic link.
    /// </summary>
    public static string? Resolve(string courseFolder, string? relative)
    {
        if (string.IsNullOrWhiteSpace(relative) || relative.Length > MaxPathLength || relative.Contains('\\')
            || relative.Contains('\0') || Path.IsPathRooted(relative) || relative.StartsWith('/'))
        {
            return null;
        }

        var segments = relative.Split('/');
        if (segments.Any(s => s.Length == 0 || s == "." || s == ".." || s.StartsWith('.') || s.StartsWith('_')
            || s.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(courseFolder, Path.Combine(segments)));
        var prefix = Path.GetFullPath(courseFolder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        // Each existing segment must be a real folder or file, not a link that leads elsewhere.
        var current = Path.GetFullPath(courseFolder);
        foreach (var segment in segments)
        {
            current = Path.Combine(current, segment);
            if ((File.Exists(current) || Directory.Exists(current)) && IsLink(current))
            {
                return null;
            }
        }

        return full;
    }

    /// <summary>An editable text file (course.yml, module.yml, a lesson) that exists, or null.</summary>
    public static string? ResolveEditable(string courseFolder, string? relative)
    {
        var full = Resolve(courseFolder, relative);
        return full is not null && File.Exists(full) && EditableExtensions.Contains(Path.GetExtension(full)) ? full : null;
    }

    /// <summary>
    /// The file a course problem is in, relative to the course, when the workspace editor opens it (a problem's
    /// file is "course-id/path"); null for a file elsewhere or one that is not an editable text file.
    /// </summary>
    public static string? EditableFileOf(string courseId, string courseFolder, string problemFile)
    {
        var relative = problemFile.StartsWith(courseId + "/", StringComparison.Ordinal) ? problemFile[(courseId.Length + 1)..] : null;
        return ResolveEditable(courseFolder, relative) is null ? null : relative;
    }

    public static string Relative(string courseFolder, string full) => Path.GetRelativePath(courseFolder, full).Replace('\\', '/');

    /// <summary>
    /// A name made safe for a file or an id: lowercase a-z, digits and single hyphens; ä, å → a, ö → o and other
    /// accents dropped; empty when nothing usable is left. A long one is cut after its last whole word that fits
    /// (an id and an address are read as words), mid-word only when the first word alone is too long.
    /// </summary>
    public static string Slug(string? text, int maxLength = 60)
    {
        var decomposed = (text ?? "").ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                builder.Append('-');
            }
        }

        var slug = Hyphens().Replace(builder.ToString(), "-").Trim('-');
        if (slug.Length <= maxLength)
        {
            return slug;
        }

        var lastBreak = slug.LastIndexOf('-', maxLength);
        return lastBreak > 0 ? slug[..lastBreak] : slug[..maxLength];
    }

    private static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("-{2,}")]
    private static partial Regex Hyphens();
}
