using System.Net;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Authoring;

/// <summary>
/// Course problems are shown in the trainer's language, with the file and line: an unquoted colon in a title (the most
/// common YAML slip) says to use quotation marks, not the parser's "While scanning a plain scalar value".
/// </summary>
public sealed class WorkspaceProblemLanguageTests : IDisposable
{
    private const string FinnishAdvice = "YAML-virhe sarakkeessa 12: arvossa on kaksoispiste. Laita koko arvo lainausmerkkeihin";
    private const string SwedishAdvice = "YAML-fel i kolumn 12: värdet innehåller ett kolon. Sätt hela värdet inom citattecken";

    private readonly WorkspaceSite _site = new();

    public WorkspaceProblemLanguageTests()
    {
        _site.Learning.Write("kurssi/course.yml", WorkspaceSite.CourseYml(WorkspaceSite.Editor).Replace("title: Pieni kurssi", "title: Alku: kanavat ja valinta"));
        _site.Learning.Reload();
    }

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task A_Finnish_trainer_is_told_in_Finnish_to_quote_the_value_on_the_edit_and_problems_pages()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var edit = WebUtility.HtmlDecode(await editor.GetStringAsync("/Trainer/Courses/kurssi/edit?path=course.yml"));
        var problems = WebUtility.HtmlDecode(await editor.GetStringAsync("/Trainer/CourseProblems"));

        Assert.Contains("Rivi 1:", edit);
        Assert.Contains($"<span>{FinnishAdvice}", edit);
        Assert.Contains("<code>kurssi/course.yml:1</code>", problems);
        Assert.Contains($"<span>{FinnishAdvice}", problems);
        Assert.DoesNotContain("While scanning", edit + problems, StringComparison.Ordinal);
        Assert.DoesNotContain("Invalid YAML", edit + problems, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_course_page_and_another_files_editor_link_the_problem_to_its_file()
    {
        // Before, both named the file as plain text: the trainer had to find it in the file list.
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var course = await editor.GetStringAsync("/Trainer/Courses/kurssi");
        var lesson = await editor.GetStringAsync("/Trainer/Courses/kurssi/edit?path=01-alku%2F01-kanavat.md");

        const string link = "<a href=\"/Trainer/Courses/kurssi/edit?path=course.yml\"><code>kurssi/course.yml:1</code></a>";
        Assert.Contains(link, course);
        Assert.Contains(link, lesson);
    }

    [Fact]
    public async Task The_problems_page_links_a_problem_only_in_a_course_the_trainer_edits()
    {
        // "toinen" is edited by another trainer: its file stays plain text (her editor would answer 404).
        _site.Learning.Write("toinen/01-alku/01-kanavat.md", "---\ntitle: Rikki: kaksoispiste\n---\n\nTeksti.\n");
        _site.Learning.Reload();
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var problems = await editor.GetStringAsync("/Trainer/CourseProblems");

        Assert.Contains("<a href=\"/Trainer/Courses/kurssi/edit?path=course.yml\"><code>kurssi/course.yml:1</code></a>", problems);
        Assert.Contains("<code>toinen/01-alku/01-kanavat.md:2</code>", problems);
        Assert.DoesNotContain("/Trainer/Courses/toinen/edit", problems);
    }

    [Fact]
    public async Task A_Swedish_trainer_is_told_in_Swedish()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        await editor.PostFormAsync("/Language", new Dictionary<string, string> { ["culture"] = "sv", ["returnUrl"] = "/" }, formUrl: "/");

        var edit = WebUtility.HtmlDecode(await editor.GetStringAsync("/Trainer/Courses/kurssi/edit?path=course.yml"));

        Assert.Contains("<html lang=\"sv\">", edit);
        Assert.Contains("Rad 1:", edit);
        Assert.Contains($"<span>{SwedishAdvice}", edit);
        Assert.DoesNotContain("While scanning", edit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_save_refused_for_the_colon_says_why_in_Finnish()
    {
        _site.Learning.Write("kurssi/course.yml", WorkspaceSite.CourseYml(WorkspaceSite.Editor));
        _site.Learning.Reload();
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", "course.yml");
        fields["Text"] = fields["Text"].Replace("title: Pieni kurssi", "title: Alku: kanavat ja valinta");

        var refused = WebUtility.HtmlDecode(await (await WorkspaceSite.SaveAsync(editor, "kurssi", fields)).Content.ReadAsStringAsync());

        Assert.Contains("Muutosta ei tallennettu", refused);
        Assert.Contains($"<span>{FinnishAdvice}", refused);
        Assert.Contains("Pieni kurssi", _site.Read("kurssi/course.yml"));
    }
}
