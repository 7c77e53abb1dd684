using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using RemoteGuidanceTraining.Courses.Loading;
using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses.Markdown;

/// <summary>
/// Checks and rewrites every link and image in a lesson: course files become site URLs, other lessons' .md files
/// become lesson pages, external links get rel="noopener noreferrer", and anything pointing outside the course
/// folder or at a missing file is reported with its line.
/// </summary>
internal sealed partial class LinkResolver(string courseId, string courseFolder, IReadOnlyDictionary<string, string> lessonUrlsByFile, CourseUrls urls, ProblemList problems)
{
    public void Resolve(MarkdownDocument document, string lessonFile)
    {
        ResolveRawHtml(document, lessonFile);
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
                    problems.Error(lessonFile, line, ProblemCode.LinkSchemeNotAllowed, absolute.Scheme);
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
            problems.Error(lessonFile, line, ProblemCode.LinkAbsolute, what, url);
            return "#";
        }

        var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(lessonFile)!, path));
        if (!full.StartsWith(courseFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            problems.Error(lessonFile, line, ProblemCode.LinkOutside, what, url);
            return "#";
        }

        if (lessonUrlsByFile.TryGetValue(full, out var lessonUrl))
        {
            return lessonUrl + fragment;
        }

        if (!File.Exists(full))
        {
            problems.Error(lessonFile, line, ProblemCode.LinkNotFound, what, url);
            return "#";
        }

        if (!CourseMediaResolver.RealPath(full).StartsWith(CourseMediaResolver.RealPath(courseFolder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            problems.Error(lessonFile, line, ProblemCode.LinkSymlinkOutside, what, url);
            return "#";
        }

        if (!CourseMediaResolver.IsMediaFile(full))
        {
            problems.Error(lessonFile, line, ProblemCode.LinkNotMedia, what, url, string.Join(", ", CourseMediaResolver.MediaExtensions));
            return "#";
        }

        var relative = Path.GetRelativePath(courseFolder, full).Replace('\\', '/');
        return urls.Media(courseId, relative);
    }

    /// <summary>
    /// An &lt;img&gt; written as raw HTML gets the same checks as a Markdown image (the sanitiser keeps it, so a
    /// missing file would otherwise reach participants as a broken image), and a warning when it has no alt text.
    /// </summary>
    private void ResolveRawHtml(MarkdownDocument document, string lessonFile)
    {
        foreach (var block in document.Descendants<HtmlBlock>())
        {
            var text = block.Lines.ToString();
            var rewritten = RewriteImages(text, lessonFile, block.Line + 1);
            if (!ReferenceEquals(text, rewritten))
            {
                block.Lines = new Markdig.Helpers.StringLineGroup(rewritten);
            }
        }

        foreach (var inline in document.Descendants<HtmlInline>())
        {
            inline.Tag = RewriteImages(inline.Tag, lessonFile, inline.Line + 1);
        }
    }

    private string RewriteImages(string html, string lessonFile, int firstLine)
    {
        if (!html.Contains("<img", StringComparison.OrdinalIgnoreCase))
        {
            return html;
        }

        return ImageTag().Replace(html, tag =>
        {
            var line = firstLine + html[..tag.Index].Count(c => c == '\n');
            if (!AltAttribute().IsMatch(tag.Value))
            {
                problems.Warning(lessonFile, line, ProblemCode.ImageNoAlt);
            }

            var src = SrcAttribute().Match(tag.Value);
            if (!src.Success)
            {
                problems.Error(lessonFile, line, ProblemCode.ImageNoSrc);
                return "";
            }

            var url = System.Net.WebUtility.HtmlDecode(src.Groups[2].Value);
            if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && !url.StartsWith('/'))
            {
                if (absolute.Scheme is not ("http" or "https"))
                {
                    problems.Error(lessonFile, line, ProblemCode.ImageSchemeNotAllowed, absolute.Scheme);
                    return "";
                }

                return tag.Value;
            }

            var target = Rewrite(url, isImage: true, lessonFile, line);
            return target == "#" ? "" : tag.Value.Replace(src.Value, $"src=\"{System.Net.WebUtility.HtmlEncode(target)}\"", StringComparison.Ordinal);
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"<img\b[^>]*>", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ImageTag();

    [System.Text.RegularExpressions.GeneratedRegex(@"\bsrc\s*=\s*([""'])(.*?)\1", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex SrcAttribute();

    [System.Text.RegularExpressions.GeneratedRegex(@"\balt\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex AltAttribute();
}
