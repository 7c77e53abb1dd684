using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses.Loading;

/// <summary>The YAML between the opening '---' lines of a lesson file.</summary>
internal sealed record FrontMatter(string? Title, int Minutes, string? Id)
{
    public static FrontMatter Read(string text, string file, ProblemList problems)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            problems.Error(file, 1, ProblemCode.FrontMatterMissing);
            return new FrontMatter(null, 0, null);
        }

        var end = Array.FindIndex(lines, 1, l => l.Trim() is "---" or "...");
        if (end < 0)
        {
            problems.Error(file, 1, ProblemCode.FrontMatterUnclosed);
            return new FrontMatter(null, 0, null);
        }

        var fields = YamlFields.Parse(string.Join('\n', lines[1..end]), file, problems, lineOffset: 1);
        if (fields is null)
        {
            return new FrontMatter(null, 0, null);
        }

        var title = fields.String("title", maxLength: ContentLimits.MaxTitleLength, tooLong: ProblemCode.LessonTitleTooLong);
        if (title is null)
        {
            problems.Error(file, 1, ProblemCode.LessonNoTitle);
        }

        var minutes = fields.Int("minutes") ?? 0;
        var id = fields.String("id");
        fields.WarnAboutUnknownKeys();
        return new FrontMatter(title, minutes, id);
    }
}
