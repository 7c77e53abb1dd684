using YamlDotNet.RepresentationModel;

namespace RemoteGuidanceTraining.Web.Authoring;

/// <summary>
/// The titles the workspace's course page shows beside paths: a lesson's front-matter title, a module's module.yml
/// title. Read from the files as they are, since the course may have errors and be missing from the catalog; only a
/// lesson's front matter is read, not its body. A file without a readable title gives none and is shown by its path.
/// </summary>
public static class FileTitles
{
    // Front matter is a few lines; a file whose first 100 lines do not close it has none worth reading here.
    private const int MaxFrontMatterLines = 100;

    /// <summary>Title by relative path ("01-alku/01-kanavat.md", "01-alku/module.yml"), for the paths that have one.</summary>
    public static IReadOnlyDictionary<string, string> Of(string courseFolder, IEnumerable<string> relativePaths)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var relative in relativePaths)
        {
            var full = CoursePaths.ResolveEditable(courseFolder, relative);
            var title = full is null ? null
                : relative.EndsWith(".md", StringComparison.Ordinal) ? Lesson(full) : Yaml(() => File.ReadAllText(full));
            if (!string.IsNullOrWhiteSpace(title))
            {
                titles[relative] = title.Trim();
            }
        }

        return titles;
    }

    private static string? Lesson(string fullPath) => Yaml(() =>
    {
        var lines = File.ReadLines(fullPath).Take(MaxFrontMatterLines + 2).ToList();
        var end = lines.Count > 0 && lines[0].Trim() == "---" ? lines.FindIndex(1, l => l.Trim() is "---" or "...") : -1;
        return end < 0 ? "" : string.Join('\n', lines[1..end]);
    });

    private static string? Yaml(Func<string> read)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(read()));
            return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map
                && map.Children.TryGetValue(new YamlScalarNode("title"), out var node) && node is YamlScalarNode { Value: { } value }
                ? value : null;
        }
        catch (Exception error) when (error is YamlDotNet.Core.YamlException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
