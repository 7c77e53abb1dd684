using System.Net;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Authoring;

/// <summary>
/// A course.yml that is not valid YAML (written on the server, outside the workspace) keeps its course in its
/// editors' list with the error, so they can fix it in the workspace; the addresses under its `editors:` decide who.
/// </summary>
public sealed class WorkspaceBrokenCourseYmlTests : IDisposable
{
    // Line 4 is an indented key under a plain value: YAML cannot read the file.
    private static readonly string Broken = WorkspaceSite.CourseYml(WorkspaceSite.Editor)
        .Replace("language: fi\n", "language: fi\n  bad: 27\n")
        .Replace("summary: Kuvaus.", "summary: Kysy other@example.fi:ltä.") + "trainers:\n  - other@example.fi\n";

    private readonly WorkspaceSite _site = new();

    public WorkspaceBrokenCourseYmlTests()
    {
        _site.Learning.Write("kurssi/course.yml", Broken);
        _site.Learning.Reload();
    }

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Its_editor_sees_the_course_with_the_error_fixes_course_yml_in_the_workspace_and_it_loads_again()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var list = WebUtility.HtmlDecode(await editor.GetStringAsync("/Trainer/Courses"));
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", "course.yml");
        fields["Text"] = fields["Text"].Replace("  bad: 27\n", "");
        var saved = await WorkspaceSite.SaveAsync(editor, "kurssi", fields);

        Assert.Contains("Pieni kurssi", list);
        Assert.Contains("kurssi/course.yml:4", list);
        Assert.Contains("YAML-virhe sarakkeessa 6: tarkista sisennys.", list);
        Assert.Contains("/Trainer/Courses/kurssi/edit?path=course.yml", list);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.DoesNotContain("bad: 27", _site.Read("kurssi/course.yml"));
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/courses/kurssi")).StatusCode);
        Assert.DoesNotContain("YAML-virhe", await editor.GetStringAsync("/Trainer/Courses"));
    }

    [Fact]
    public async Task A_course_broken_in_two_files_is_mended_one_file_at_a_time_and_a_save_adding_an_error_is_still_refused()
    {
        const string lesson = "01-alku/01-kanavat.md";
        _site.Learning.Write("kurssi/" + lesson, LearningSite.LessonOne.Replace("title: Kanavat", "title: [Kanavat", StringComparison.Ordinal));
        _site.Learning.Reload();
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var yml = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", "course.yml");
        yml["Text"] = yml["Text"].Replace("  bad: 27\n", "");
        var ymlMended = await WorkspaceSite.SaveAsync(editor, "kurssi", yml);
        var again = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", "course.yml");
        again["Text"] += "hours: [1\n";
        var ymlBrokenAgain = await WorkspaceSite.SaveAsync(editor, "kurssi", again);
        var page = await editor.GetStringAsync("/Trainer/Courses/kurssi/edit?path=course.yml");
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", lesson);
        fields["Text"] = fields["Text"].Replace("title: [Kanavat", "title: Kanavat");
        var lessonMended = await WorkspaceSite.SaveAsync(editor, "kurssi", fields);

        Assert.Equal(HttpStatusCode.Redirect, ymlMended.StatusCode); // the lesson still has its error
        Assert.Contains("Muutosta ei tallennettu", await ymlBrokenAgain.Content.ReadAsStringAsync());
        Assert.DoesNotContain("hours: [1", _site.Read("kurssi/course.yml"));
        Assert.Contains($"<code>kurssi/{lesson}:", page); // the error left, named beside the mended file
        Assert.Equal(HttpStatusCode.Redirect, lessonMended.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/courses/kurssi")).StatusCode);
    }

    [Fact]
    public async Task Editors_written_as_one_address_instead_of_a_list_still_lead_that_trainer_to_the_error()
    {
        _site.Learning.Write("kurssi/course.yml", WorkspaceSite.CourseYml(WorkspaceSite.Editor).Replace($"editors:\n  - {WorkspaceSite.Editor}\n", $"editors: {WorkspaceSite.Editor}\n"));
        _site.Learning.Reload();
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var list = WebUtility.HtmlDecode(await editor.GetStringAsync("/Trainer/Courses"));

        Assert.Contains("Pieni kurssi", list);
        Assert.Contains("Kentän 'editors' pitää olla luettelo", list);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/Trainer/Courses/kurssi/edit?path=course.yml")).StatusCode);
    }

    [Fact]
    public async Task A_trainer_named_elsewhere_in_the_broken_file_does_not_get_it_and_an_admin_does()
    {
        var other = await _site.TrainerAsync(WorkspaceSite.OtherEditor);
        var admin = await _site.TrainerAsync("admin@example.fi", Roles.Admin);

        Assert.DoesNotContain("Pieni kurssi", await other.GetStringAsync("/Trainer/Courses"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/Trainer/Courses/kurssi/edit?path=course.yml")).StatusCode);
        Assert.Contains("YAML-virhe", await admin.GetStringAsync("/Trainer/Courses"));
    }

    [Theory]
    [InlineData("editors:\n  - editor@example.fi # kouluttaja\n  - \"toka@example.fi\"\nhours: [1\n", new[] { "editor@example.fi", "toka@example.fi" })]
    [InlineData("editors: [Editor@Example.fi, 'toka@example.fi'\n", new[] { "editor@example.fi", "toka@example.fi" })]
    [InlineData("editors:\n- editor@example.fi\n  trainers:\n    - other@example.fi\n", new[] { "editor@example.fi" })]
    [InlineData("summary: |\n  editors:\n  - other@example.fi\nhours: [1\n", new string[0])]
    public void Only_the_items_of_the_top_level_editors_list_are_editors(string text, string[] editors) =>
        Assert.Equal(editors, Web.Authoring.CourseHeader.Scan(text).Editors);
}
