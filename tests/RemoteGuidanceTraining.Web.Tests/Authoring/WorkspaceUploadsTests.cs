using System.Net;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Authoring;

/// <summary>
/// The uploads list (size, who, when, Markdown to insert) and deleting: refused while a lesson still uses the file,
/// otherwise done once the trainer confirms it.
/// </summary>
public sealed class WorkspaceUploadsTests : IDisposable
{
    private readonly WorkspaceSite _site = new();

    public void Dispose() => _site.Dispose();

    private string Folder => Path.Combine(_site.CoursesFolder, "kurssi", "01-alku");

    [Fact]
    public async Task The_list_shows_each_upload_with_size_uploader_time_and_markdown()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        await WorkspaceSite.UploadAsync(editor, "kurssi", "01-alku", "Kanava Kartta.png", WorkspaceSite.Png);
        await WorkspaceSite.UploadAsync(editor, "kurssi", "01-alku", "ohje.pdf", "%PDF-1.4 testi"u8.ToArray());

        var html = await editor.GetStringAsync("/Trainer/Courses/kurssi/uploads");

        Assert.Contains("01-alku/kanava-kartta.png", html);
        Assert.Contains("![Kuvaile kuva tähän](kanava-kartta.png)", System.Net.WebUtility.HtmlDecode(html));
        Assert.Contains("[ohje.pdf](ohje.pdf)", System.Net.WebUtility.HtmlDecode(html));
        Assert.Contains("1 kt", html);
        Assert.Contains("Tiina Kouluttaja", html);
        Assert.Contains("Tiedostoja: 2", html);
    }

    [Fact]
    public async Task A_file_a_lesson_uses_is_not_deleted_and_the_lessons_are_listed()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        await WorkspaceSite.UploadAsync(editor, "kurssi", "01-alku", "kuva.png", WorkspaceSite.Png);
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", "01-alku/02-oma-tyo.md");
        fields["Text"] += "\n![Kanavakartta](kuva.png)\n";
        Assert.Equal(HttpStatusCode.Redirect, (await WorkspaceSite.SaveAsync(editor, "kurssi", fields)).StatusCode);

        var refused = await DeleteAsync(editor, "01-alku/kuva.png");
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("ei poistettu, koska nämä oppitunnit viittaavat siihen", html);
        Assert.Contains("path=01-alku%2F02-oma-tyo.md", html);
        Assert.DoesNotContain("confirm-delete", html); // refused outright, nothing to confirm
        Assert.True(File.Exists(Path.Combine(Folder, "kuva.png")));
    }

    [Theory]
    [InlineData("01-alku/02-oma-tyo.md", "![Kartta](./kuva.png)", true)]
    [InlineData("02-lisaa/01-lisa.md", "![Kartta](../01-alku/kuva.png)", true)]
    [InlineData("02-lisaa/01-lisa.md", "![Toinen](kuva.png)", false)] // that lesson's own kuva.png in 02-lisaa
    [InlineData("01-alku/02-oma-tyo.md", "![Kartta](iso-kuva.png)", false)]
    public async Task Only_lessons_that_really_point_at_the_file_keep_it(string lesson, string markdown, bool kept)
    {
        _site.Learning.Write("kurssi/02-lisaa/module.yml", "title: Lisää\n");
        _site.Learning.Write("kurssi/02-lisaa/01-lisa.md", "---\ntitle: Lisäluku\nminutes: 5\n---\n\nLisäteksti.\n");
        foreach (var image in new[] { "01-alku/kuva.png", "01-alku/iso-kuva.png", "02-lisaa/kuva.png" })
        {
            File.WriteAllBytes(Path.Combine(_site.CoursesFolder, "kurssi", image), WorkspaceSite.Png);
        }

        _site.Learning.Write("kurssi/" + lesson, File.ReadAllText(Path.Combine(_site.CoursesFolder, "kurssi", lesson)) + "\n" + markdown + "\n");
        _site.Learning.Reload();
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var response = await DeleteAsync(editor, "01-alku/kuva.png", confirmed: true);

        Assert.Equal(kept ? HttpStatusCode.OK : HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(kept, File.Exists(Path.Combine(Folder, "kuva.png")));
    }

    [Fact]
    public async Task An_unused_file_is_deleted_only_once_confirmed_and_the_deletion_is_recorded()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        await WorkspaceSite.UploadAsync(editor, "kurssi", "01-alku", "turha.png", WorkspaceSite.Png);

        var asked = await DeleteAsync(editor, "01-alku/turha.png");
        var question = await asked.Content.ReadAsStringAsync();
        var stillThere = File.Exists(Path.Combine(Folder, "turha.png"));
        var response = await DeleteAsync(editor, "01-alku/turha.png", confirmed: true);

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.True(stillThere);
        Assert.Contains("Tiedostoa 01-alku/turha.png ei ole vielä poistettu", question);
        Assert.Contains("Tiedosto 01-alku/turha.png poistetaan pysyvästi", question);
        Assert.Matches("<form [^>]*id=\"confirm-delete\"", question);
        Assert.Contains("name=\"ConfirmDelete\"", question);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(File.Exists(Path.Combine(Folder, "turha.png")));
        Assert.Equal(2, await _site.RevisionsAsync("kurssi", "01-alku/turha.png")); // the upload and the deletion: who and when
        Assert.Contains("Koulutukseen ei ole ladattu", await editor.GetStringAsync("/Trainer/Courses/kurssi/uploads"));
    }

    [Theory]
    [InlineData("01-alku/01-kanavat.md")]
    [InlineData("01-alku/module.yml")]
    [InlineData("../toinen/01-alku/01-kanavat.md")]
    [InlineData("/etc/hostname")]
    [InlineData("01-alku/ei-ole.png")]
    public async Task Only_an_uploaded_file_of_this_course_can_be_deleted(string path)
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var response = await DeleteAsync(editor, path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(File.Exists(Path.Combine(Folder, "01-kanavat.md")));
        Assert.True(File.Exists(Path.Combine(_site.CoursesFolder, "toinen", "01-alku", "01-kanavat.md")));
    }

    [Fact]
    public async Task A_trainer_not_among_the_editors_gets_404_and_nothing_is_deleted()
    {
        File.WriteAllBytes(Path.Combine(Folder, "kuva.png"), WorkspaceSite.Png);
        var outsider = await _site.TrainerAsync(WorkspaceSite.OtherEditor);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync("/Trainer/Courses/kurssi/uploads")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await DeleteAsync(outsider, "01-alku/kuva.png")).StatusCode);
        Assert.True(File.Exists(Path.Combine(Folder, "kuva.png")));
    }

    private static Task<HttpResponseMessage> DeleteAsync(HttpClient client, string path, bool confirmed = false) =>
        client.PostFormAsync("/Trainer/Courses/kurssi/uploads?handler=Delete",
            confirmed ? new Dictionary<string, string> { ["path"] = path, ["ConfirmDelete"] = "true" } : new Dictionary<string, string> { ["path"] = path },
            formUrl: "/Trainer/Courses");
}
