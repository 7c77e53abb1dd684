using YamlDotNet.RepresentationModel;

namespace RemoteGuidanceTraining.Web.Authoring;

/// <summary>
/// What the workspace needs from course.yml even when the course has errors and is not in the catalog: its title,
/// who may edit it, whether it is a draft and its language (for templates). Read leniently; an unreadable file gives no editors (admins only).
/// </summary>
public sealed record CourseHeader(string? Title, IReadOnlyList<string> Editors, bool IsDraft, string? Language = null)
{
    public static CourseHeader Read(string courseFolder)
    {
        var file = Path.Combine(courseFolder, "course.yml");
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(file)));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                return new CourseHeader(null, [], false);
            }

            var title = Scalar(map, "title");
            var editors = map.Children.TryGetValue(new YamlScalarNode("editors"), out var node) && node is YamlSequenceNode list
                ? list.OfType<YamlScalarNode>().Select(n => n.Value?.Trim().ToLowerInvariant()).OfType<string>().Where(e => e.Length > 0).ToList()
                : [];
            return new CourseHeader(title, editors, Scalar(map, "status") == "draft", Scalar(map, "language"));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException or InvalidOperationException)
        {
            return new CourseHeader(null, [], false);
        }
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } value } ? value.Trim() : null;
}
