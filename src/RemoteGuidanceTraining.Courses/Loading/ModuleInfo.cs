using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses.Loading;

/// <summary>A module folder and its module.yml (title and objectives).</summary>
internal sealed record ModuleInfo(string Folder, int Order, string Id, string Title, IReadOnlyList<string> Objectives)
{
    public static ModuleInfo Read(string folder, int order, string id, ProblemList problems)
    {
        var file = Path.Combine(folder, "module.yml");
        if (!File.Exists(file))
        {
            problems.Error(file, 1, ProblemCode.ModuleYmlMissing);
            return new ModuleInfo(Path.GetFileName(folder), order, id, id, []);
        }

        var fields = YamlFields.Parse(File.ReadAllText(file), file, problems);
        if (fields is null)
        {
            return new ModuleInfo(Path.GetFileName(folder), order, id, id, []);
        }

        var title = fields.String("title", required: true, ContentLimits.MaxTitleLength, ProblemCode.ModuleTitleTooLong) ?? id;
        var objectives = fields.StringList("objectives");
        fields.WarnAboutUnknownKeys();
        return new ModuleInfo(Path.GetFileName(folder), order, id, title, objectives);
    }
}
