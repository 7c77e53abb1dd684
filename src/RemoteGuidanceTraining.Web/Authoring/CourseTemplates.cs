using System.Text.RegularExpressions;

namespace RemoteGuidanceTraining.Web.Authoring;

/// <summary>The files a new course, module or lesson starts from, and the one-line edit that publishes a course.</summary>
public static partial class CourseTemplates
{
    public const string FirstModule = "01-aloitus";
    public const string FirstLesson = "01-aloitus/01-tervetuloa.md";

    public static Dictionary<string, string> NewCourse(string title, string language, string editorEmail) => new()
    {
        ["course.yml"] = $"""
            title: {Quote(title)}
            summary: >-
              Kirjoita tähän kappale, joka näkyy koulutusluettelossa.
            language: {language}
            credits: 0.5
            hours: 14
            version: "1"
            status: draft
            editors:
              - {Quote(editorEmail)}
            outcomes:
              - Kirjoita tähän ensimmäinen osaamistavoite.

            """,
        [$"{FirstModule}/module.yml"] = "title: Aloitus\nobjectives:\n  - Tunnet koulutuksen tavoitteet.\n",
        [FirstLesson] = Lesson("Tervetuloa"),
    };

    public static string Module(string title) => $"title: {Quote(title)}\nobjectives: []\n";

    public static string Lesson(string title) => $"""
        ---
        title: {Quote(title)}
        minutes: 5
        ---

        Kirjoita oppitunnin teksti tähän. Väliotsikot alkavat tasolta `##`.

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
