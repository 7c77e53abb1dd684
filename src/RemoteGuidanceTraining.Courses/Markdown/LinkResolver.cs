using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using RemoteGuidanceTraining.Courses.Loading;

namespace RemoteGuidanceTraining.Courses.Markdown;

/// <summary>
/// Checks and rewrites every link and image in a lesson: course files become site URLs, other lessons' .md files
/// become lesson pages, external links get rel="noopener noreferrer", and anything pointing outside the course
/// folder or at a missing file is reported with its line.
/// </summary>
internal sealed class LinkResolver(string courseId, string courseFolder, IReadOnlyDictionary<string, string> lessonUrlsByFile, ProblemList problems)
{
    public void Resolve(MarkdownDocument document, string lessonFile)
    {
        foreach (var link in document.Descendants<LinkInline>())
        {
            var url = link.Url;
            if (string.IsNullOrWhiteSpace(url) || url.StartsWith('#'))
            {
                continue;
            }

            var line = link.Line + 1;
            if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && !url.StartsWith('/'))
            {
                if (absolute.Scheme is "http" or "https")
                {
                    link.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer");
                }
                else if (absolute.Scheme is not ("mailto" or "tel"))
                {
                    problems.Error(lessonFile, line, $"Links of type '{absolute.Scheme}:' are not allowed.");
                    link.Url = "#";
                }

                continue;
            }

            link.Url = Rewrite(url, link.IsImage, lessonFile, line);
        }
    }

    private string Rewrite(string url, bool isImage, string lessonFile, int line)
    {
        var cut = url.IndexOfAny(['#', '?']);
        var path = Uri.UnescapeDataString(cut < 0 ? url : url[..cut]);
        var fragment = cut >= 0 && url[cut] == '#' ? url[cut..] : "";
        var what = isImage ? "Image" : "Link";
        if (path.StartsWith('/') || path.StartsWith('\\') || Path.IsPathRooted(path))
        {
            problems.Error(lessonFile, line, $"{what} '{url}' is an absolute path; use a path relative to the lesson file.");
            return "#";
        }

        var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(lessonFile)!, path));
        if (!full.StartsWith(courseFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            problems.Error(lessonFile, line, $"{what} '{url}' points outside the course folder.");
            return "#";
        }

        if (lessonUrlsByFile.TryGetValue(full, out var lessonUrl))
        {
            return lessonUrl + fragment;
        }

        if (!File.Exists(full))
        {
            problems.Error(lessonFile, line, $"{what} '{url}': file not found (rikkinäinen linkki).");
            return "#";
        }

        if (!CourseMediaResolver.IsMediaFile(full))
        {
            problems.Error(lessonFile, line, $"{what} '{url}': only media files ({string.Join(", ", CourseMediaResolver.MediaExtensions)}) can be linked.");
            return "#";
        }

        var relative = Path.GetRelativePath(courseFolder, full).Replace('\\', '/');
        return $"/courses/{courseId}/media/{string.Join('/', relative.Split('/').Select(Uri.EscapeDataString))}";
    }
}
