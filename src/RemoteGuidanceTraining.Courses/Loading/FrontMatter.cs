namespace RemoteGuidanceTraining.Courses.Loading;

/// <summary>The YAML between the opening '---' lines of a lesson file.</summary>
internal sealed record FrontMatter(string? Title, int Minutes, string? Id)
{
    public static FrontMatter Read(string text, string file, ProblemList problems)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            problems.Error(file, 1, "The lesson must start with front matter: '---', 'title: ...', '---'.");
            return new FrontMatter(null, 0, null);
        }

        var end = Array.FindIndex(lines, 1, l => l.Trim() is "---" or "...");
        if (end < 0)
        {
            problems.Error(file, 1, "The front matter has no closing '---' line.");
            return new FrontMatter(null, 0, null);
        }

        var fields = YamlFields.Parse(string.Join('\n', lines[1..end]), file, problems, lineOffset: 1);
        if (fields is null)
        {
            return new FrontMatter(null, 0, null);
        }

        var title = fields.String("title", maxLength: ContentLimits.MaxTitleLength, why: "it is the default title of the lesson's quizzes and tasks in reports");
        if (title is null)
        {
            problems.Error(file, 1, "The lesson has no title: add 'title: ...' to its front matter.");
        }

        var minutes = fields.Int("minutes") ?? 0;
        var id = fields.String("id");
        fields.WarnAboutUnknownKeys();
        return new FrontMatter(title, minutes, id);
    }
}
