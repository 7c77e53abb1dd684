using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace RemoteGuidanceTraining.Web.Authoring;

/// <summary>
/// What the workspace needs from course.yml even when the course has errors and is not in the catalog: its title,
/// who may edit it, whether it is a draft and its language (for templates). Read leniently: a file that is not valid
/// YAML is read line by line (<see cref="Scan"/>), so its editors still find it and can fix it; a file that cannot be
/// read at all gives no editors (admins only).
/// </summary>
public sealed partial record CourseHeader(string? Title, IReadOnlyList<string> Editors, bool IsDraft, string? Language = null)
{
    public static CourseHeader Read(string courseFolder)
    {
        string text;
        try
        {
            text = File.ReadAllText(Path.Combine(courseFolder, "course.yml"));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return new CourseHeader(null, [], false);
        }

        return Parse(text);
    }

    /// <summary>course.yml's text read the same way (a saved or a proposed version).</summary>
    public static CourseHeader Parse(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                return new CourseHeader(null, [], false);
            }

            var title = Scalar(map, "title");
            // One address instead of a list is a course error, but its editor is plain: they find the course and the error.
            var editors = !map.Children.TryGetValue(new YamlScalarNode("editors"), out var node) ? []
                : (node switch { YamlSequenceNode list => list.OfType<YamlScalarNode>(), YamlScalarNode one => [one], _ => [] })
                    .Select(n => n.Value?.Trim().ToLowerInvariant()).OfType<string>().Where(e => e.Length > 0).ToList();
            return new CourseHeader(title, editors, Scalar(map, "status") == "draft", Scalar(map, "language"));
        }
        catch (Exception error) when (error is YamlDotNet.Core.YamlException or InvalidOperationException)
        {
            return Scan(text);
        }
    }

    /// <summary>
    /// course.yml that is not valid YAML (written outside the workspace: an editor on the server, a git merge), read
    /// line by line. Editors are only the items of the top-level <c>editors:</c> list: "- address" lines under it, or
    /// "[a, b]" on its line. An address anywhere else (a summary, <c>trainers:</c>, a comment) gives no access. The
    /// file itself is as trusted as a valid one: the workspace never saves a course.yml that does not load.
    /// </summary>
    public static CourseHeader Scan(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var editors = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (TopLevel().Match(lines[i]) is not { Success: true } key || key.Groups["key"].Value != "editors")
            {
                continue;
            }

            var rest = WithoutComment(key.Groups["value"].Value);
            if (rest.StartsWith('['))
            {
                editors.AddRange(rest.Trim('[', ']').Split(','));
                continue;
            }

            // The list is the "- " lines right below, all at the first one's indentation (blank lines and comments
            // between them allowed); anything else ends it, so a wrongly indented key below adds nobody.
            int? indent = null;
            for (var j = i + 1; j < lines.Length; j++)
            {
                if (lines[j].Trim().Length == 0 || lines[j].TrimStart().StartsWith('#'))
                {
                    continue;
                }

                if (ListItem().Match(lines[j]) is not { Success: true } item || (indent ??= item.Groups["indent"].Length) != item.Groups["indent"].Length)
                {
                    break;
                }

                editors.Add(WithoutComment(item.Groups["item"].Value));
            }
        }

        return new CourseHeader(ScanScalar(lines, "title"), editors.Select(Unquote).Select(e => e.ToLowerInvariant()).Where(e => e.Length > 0).Distinct().ToList(),
            ScanScalar(lines, "status") == "draft", ScanScalar(lines, "language"));
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } value } ? value.Trim() : null;

    private static string? ScanScalar(string[] lines, string key) =>
        lines.Select(l => TopLevel().Match(l)).Where(m => m.Success && m.Groups["key"].Value == key)
            .Select(m => Unquote(WithoutComment(m.Groups["value"].Value))).FirstOrDefault(v => v.Length > 0);

    private static string WithoutComment(string value)
    {
        var hash = value.IndexOf(" #", StringComparison.Ordinal);
        return (hash >= 0 ? value[..hash] : value).Trim();
    }

    private static string Unquote(string value) => value.Trim().Trim('"', '\'').Trim();

    [GeneratedRegex("^(?<key>[A-Za-z_][A-Za-z0-9_-]*):(?:\\s+(?<value>.*))?$")]
    private static partial Regex TopLevel();

    [GeneratedRegex("^(?<indent>[ \\t]*)-[ \\t]+(?<item>\\S.*)$")]
    private static partial Regex ListItem();
}
