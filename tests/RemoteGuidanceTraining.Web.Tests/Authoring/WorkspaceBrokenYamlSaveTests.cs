using System.Net;
using System.Text.RegularExpressions;

namespace RemoteGuidanceTraining.Web.Tests.Authoring;

/// <summary>
/// A save whose YAML does not parse (course.yml, module.yml, a lesson's front matter) is refused straight away with
/// the YAML error and its line, never "no errors", and asks nothing first: a course.yml that cannot be read has no
/// editors, yet the trainer is not asked to confirm leaving them for a save that would be refused anyway.
/// </summary>
public sealed class WorkspaceBrokenYamlSaveTests
{
    [Theory]
    [InlineData("draft", "course.yml", "title: [\n")]
    [InlineData("published", "course.yml", "title: [\n")]
    [InlineData("draft", "01-alku/module.yml", "title: [\n")]
    [InlineData("published", "01-alku/01-kanavat.md", "---\ntitle: [\n---\n\nTeksti.\n")]
    public async Task Text_that_is_not_yaml_is_refused_at_once_with_its_line_and_nothing_is_asked_or_lost(string status, string path, string text)
    {
        using var site = new WorkspaceSite(status);
        var editor = await site.TrainerAsync(WorkspaceSite.Editor);
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", path);
        var before = site.Read("kurssi/" + path);
        fields["Text"] = text;

        var response = await WorkspaceSite.SaveAsync(editor, "kurssi", fields);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Muutosta ei tallennettu, koska koulutukseen tulisi virheitä", html);
        Assert.DoesNotContain("Ei virheitä eikä varoituksia", html);
        Assert.Matches(new Regex("Rivi \\d+:</strong>\\s*<strong>virhe</strong>\\s*<span>YAML-virhe"), html);
        Assert.DoesNotContain("name=\"ConfirmEditing\"", html);
        Assert.DoesNotContain("Tallennuksen jälkeen et voi enää muokata tätä koulutusta", html);
        Assert.Equal(text, WorkspaceSite.TextareaOf(html, "file-text"));
        Assert.Equal(before, site.Read("kurssi/" + path));
    }

    [Fact]
    public async Task Leaving_the_editors_in_a_broken_course_yml_shows_the_error_first_and_asks_once_it_is_fixed()
    {
        using var site = new WorkspaceSite();
        var editor = await site.TrainerAsync(WorkspaceSite.Editor);
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", "course.yml");
        var leaving = fields["Text"].Replace("  - " + WorkspaceSite.Editor, "  - " + WorkspaceSite.OtherEditor);
        fields["Text"] = leaving.Replace("language: fi", "language: fi\nhours: [rikki");

        var refused = WebUtility.HtmlDecode(await (await WorkspaceSite.SaveAsync(editor, "kurssi", fields)).Content.ReadAsStringAsync());
        fields["Text"] = leaving;
        var asked = WebUtility.HtmlDecode(await (await WorkspaceSite.SaveAsync(editor, "kurssi", fields)).Content.ReadAsStringAsync());

        Assert.Contains("Muutosta ei tallennettu, koska koulutukseen tulisi virheitä", refused);
        Assert.Matches(new Regex("Rivi 4:</strong>\\s*<strong>virhe</strong>\\s*<span>YAML-virhe"), refused);
        Assert.DoesNotContain("name=\"ConfirmEditing\"", refused);
        Assert.Contains("hours: [rikki", WorkspaceSite.TextareaOf(refused, "file-text"));
        Assert.Contains("Tallennuksen jälkeen et voi enää muokata tätä koulutusta", asked);
        Assert.Contains("name=\"ConfirmEditing\"", asked);
        Assert.Contains("  - " + WorkspaceSite.Editor, site.Read("kurssi/course.yml"));
    }
}
