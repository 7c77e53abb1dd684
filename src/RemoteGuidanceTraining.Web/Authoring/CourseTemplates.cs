using System.Text.RegularExpressions;

namespace RemoteGuidanceTraining.Web.Authoring;

/// <summary>
/// The files a new course, module or lesson starts from, in the course's language (fi, sv or en; any other falls back
/// to fi), and the one-line edit that publishes a course. The starter text is course content that the trainer
/// overwrites, so it lives here per content language, not among the UI's resource strings; its module and lesson
/// names become ids and addresses, so they follow the language too.
/// </summary>
public static partial class CourseTemplates
{
    /// <summary>The starter text of one content language.</summary>
    public sealed record Texts(string Summary, string Outcome, string FirstModule, string FirstObjective, string FirstLesson, string LessonBody, string Introduction);

    private static readonly Dictionary<string, Texts> _texts = new()
    {
        ["fi"] = new("Kirjoita tähän kappale, joka näkyy koulutusluettelossa.", "Kirjoita tähän ensimmäinen osaamistavoite.",
            "Aloitus", "Tunnet koulutuksen tavoitteet.", "Tervetuloa",
            "Kirjoita oppitunnin teksti tähän. Väliotsikot alkavat tasolta `##`.", "johdanto"),
        ["sv"] = new("Skriv här ett stycke som visas i utbildningskatalogen.", "Skriv här det första lärandemålet.",
            "Inledning", "Du känner till utbildningens mål.", "Välkommen",
            "Skriv lektionens text här. Mellanrubriker börjar på nivå `##`.", "introduktion"),
        ["en"] = new("Write a paragraph here that is shown in the course catalogue.", "Write the first learning outcome here.",
            "Getting started", "You know what the course aims at.", "Welcome",
            "Write the lesson's text here. Subheadings start at level `##`.", "introduction"),
    };

    public static Texts For(string? language) => _texts[Localization.Cultures.SpokenOrDefault(language?.ToLowerInvariant())];

    public static Dictionary<string, string> NewCourse(string title, string language, string editorEmail)
    {
        var texts = For(language);
        var module = $"01-{CoursePaths.Slug(texts.FirstModule)}";
        return new()
        {
            ["course.yml"] = $"""
                title: {Quote(title)}
                summary: >-
                  {texts.Summary}
                language: {language}
                credits: 0.5
                hours: 14
                version: "1"
                status: draft
                editors:
                  - {Quote(editorEmail)}
                outcomes:
                  - {texts.Outcome}

                """,
            [$"{module}/module.yml"] = $"title: {texts.FirstModule}\nobjectives:\n  - {texts.FirstObjective}\n",
            [$"{module}/01-{CoursePaths.Slug(texts.FirstLesson)}.md"] = Lesson(texts.FirstLesson, language),
        };
    }

    public static string Module(string title) => $"title: {Quote(title)}\nobjectives: []\n";

    /// <summary>The file name (without prefix) of the lesson a new module starts with, e.g. "kanavat-johdanto".</summary>
    public static string IntroductionSlug(string moduleSlug, string? language) => $"{moduleSlug}-{For(language).Introduction}";

    public static string Lesson(string title, string? language) => $"""
        ---
        title: {Quote(title)}
        minutes: 5
        ---

        {For(language).LessonBody}

        """;

    /// <summary>course.yml with `status: published`; null when it does not say `status: draft` on a line of its own.</summary>
    public static string? Publish(string courseYml) =>
        DraftLine().IsMatch(courseYml) ? DraftLine().Replace(courseYml, "status: published", 1) : null;

    /// <summary>The next "NN-" prefix among the names in a folder (01 when there are none).</summary>
    public static string NextPrefix(IEnumerable<string> names)
    {
        var highest = names.Select(n => OrderPrefix().Match(n)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
        return (highest + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A YAML scalar that survives colons, quotes and '#': always double-quoted, escapes doubled.</summary>
    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").ReplaceLineEndings(" ") + "\"";

    [GeneratedRegex(@"^status:[ \t]*[""']?draft[""']?[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex DraftLine();

    [GeneratedRegex(@"^(\d{1,3})-")]
    private static partial Regex OrderPrefix();
}
