using System.Net;
using System.Text.RegularExpressions;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Authoring;

/// <summary>
/// Deleting a lesson or a module on the course page: asked first (with the ids a published course loses and how many
/// people have progress on them), refused when the course would break, and restorable from the version history.
/// </summary>
public sealed partial class WorkspaceDeleteTests : IDisposable
{
    private readonly WorkspaceSite _site = new();

    public WorkspaceDeleteTests()
    {
        _site.Learning.Write("kurssi/02-toinen/module.yml", "title: Toinen\n");
        _site.Learning.Write("kurssi/02-toinen/01-muuta.md", "---\ntitle: Muuta\n---\n\nTekstiä.\n");
        _site.Learning.Write("kurssi/02-toinen/02-lisaa.md", "---\ntitle: Lisää\n---\n\nLisää tekstiä.\n");
        _site.Learning.Reload();
    }

    public void Dispose() => _site.Dispose();

    private string Full(string relative) => Path.Combine(_site.CoursesFolder, "kurssi", relative);

    private static async Task<HttpResponseMessage> DeleteAsync(HttpClient client, string path, params (string Key, string Value)[] extra)
    {
        var page = await client.GetStringAsync("/Trainer/Courses/kurssi");
        var fields = new Dictionary<string, string> { ["path"] = path, ["fingerprint"] = Fingerprint().Match(page).Groups[1].Value };
        foreach (var (key, value) in extra)
        {
            fields[key] = value;
        }

        return await client.PostFormAsync("/Trainer/Courses/kurssi?handler=Delete", fields, formUrl: "/Trainer/Courses/kurssi");
    }

    [Fact]
    public async Task A_lesson_is_deleted_after_confirming_and_comes_back_from_its_history()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var text = _site.Read("kurssi/02-toinen/01-muuta.md");

        var asked = await DeleteAsync(editor, "02-toinen/01-muuta.md");
        var question = await asked.Content.ReadAsStringAsync();
        var stillThere = File.Exists(Full("02-toinen/01-muuta.md"));
        var deleted = await DeleteAsync(editor, "02-toinen/01-muuta.md", ("ConfirmDelete", "true"));
        var page = await editor.GetStringAsync("/Trainer/Courses/kurssi");

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("id=\"confirm-delete\"", question);
        Assert.Contains("ei ole vielä poistettu", question);
        Assert.Contains("aria-label=\"Poista: Muuta\"", question);
        Assert.True(stillThere);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(File.Exists(Full("02-toinen/01-muuta.md")));
        Assert.Contains("Poistetut tiedostot", page);
        Assert.Contains("history?path=02-toinen%2F01-muuta.md", page);

        var history = await editor.GetStringAsync("/Trainer/Courses/kurssi/history?path=02-toinen%2F01-muuta.md");
        Assert.Contains("poisto", history);
        var revision = Regex.Matches(history, "name=\"revision\" value=\"(\\d+)\"").Select(m => m.Groups[1].Value).First();
        var restored = await editor.PostFormAsync("/Trainer/Courses/kurssi/history?handler=Restore",
            new Dictionary<string, string> { ["Path"] = "02-toinen/01-muuta.md", ["revision"] = revision }, formUrl: "/Trainer/Courses");
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal(text, _site.Read("kurssi/02-toinen/01-muuta.md"));
    }

    [Fact]
    public async Task A_module_goes_with_its_lessons_and_each_file_keeps_its_history()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var deleted = await DeleteAsync(editor, "02-toinen", ("ConfirmDelete", "true"));

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(Directory.Exists(Full("02-toinen")));
        Assert.Equal(2, await _site.RevisionsAsync("kurssi", "02-toinen/module.yml")); // the text it had, then the deletion
        Assert.Equal(2, await _site.RevisionsAsync("kurssi", "02-toinen/01-muuta.md"));
        Assert.Equal(2, await _site.RevisionsAsync("kurssi", "02-toinen/02-lisaa.md"));
        Assert.DoesNotContain("/courses/kurssi/toinen/muuta", await editor.GetStringAsync("/courses/kurssi"));
    }

    [Fact]
    public async Task Deleting_a_lesson_of_a_published_course_names_the_ids_and_the_people_with_progress_before_it_goes()
    {
        var participant = await _site.Learning.ParticipantAsync();
        await participant.DoneAsync("toinen/muuta");
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var asked = await (await DeleteAsync(editor, "02-toinen/01-muuta.md")).Content.ReadAsStringAsync();
        var onlyOneBox = await DeleteAsync(editor, "02-toinen/01-muuta.md", ("ConfirmDelete", "true"));
        var kept = File.Exists(Full("02-toinen/01-muuta.md"));
        var both = await DeleteAsync(editor, "02-toinen/01-muuta.md", ("ConfirmDelete", "true"), ("ConfirmIds", WorkspaceSite.BoxValue(asked, "ConfirmIds")));

        Assert.Contains("Poistuvat tunnisteet: muuta", asked);
        Assert.Contains("id=\"delete-people\"", asked);
        Assert.Contains(": 1.", Regex.Match(asked, "id=\"delete-people\">([^<]*)<").Groups[1].Value);
        Assert.Contains("name=\"ConfirmIds\"", asked);
        Assert.Contains("alkaa alusta – poista silti", asked); // the box says what it confirms here: a deletion, not a save
        Assert.DoesNotContain("tallenna silti", asked);
        Assert.Equal(HttpStatusCode.OK, onlyOneBox.StatusCode);
        Assert.True(kept);
        // Asked again for the ids box alone: the deletion's own box stays ticked, the ids box is still to tick.
        var again = await onlyOneBox.Content.ReadAsStringAsync();
        Assert.True(WorkspaceSite.IsTicked(again, "ConfirmDelete"));
        Assert.False(WorkspaceSite.IsTicked(again, "ConfirmIds"));
        Assert.Equal(HttpStatusCode.Redirect, both.StatusCode);
        Assert.False(File.Exists(Full("02-toinen/01-muuta.md")));
    }

    [Fact]
    public async Task Deleting_a_lesson_nobody_has_progress_on_names_its_ids_and_needs_only_the_delete_box()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var asked = await (await DeleteAsync(editor, "02-toinen/01-muuta.md")).Content.ReadAsStringAsync();
        var deleted = await DeleteAsync(editor, "02-toinen/01-muuta.md", ("ConfirmDelete", "true"));

        Assert.Contains("Poistuvat tunnisteet: muuta. Kenelläkään ei ole niissä edistymistä", asked);
        Assert.DoesNotContain("id=\"delete-people\"", asked);
        Assert.DoesNotContain("name=\"ConfirmIds\"", asked);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(File.Exists(Full("02-toinen/01-muuta.md")));
    }

    [Fact]
    public async Task A_lesson_another_lesson_links_to_is_not_deleted_and_the_link_is_named_by_file_and_line()
    {
        _site.Learning.Write("kurssi/02-toinen/01-muuta.md", "---\ntitle: Muuta\n---\n\nKatso [kanavat](../01-alku/01-kanavat.md).\n");
        _site.Learning.Reload();
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var refused = await DeleteAsync(editor, "01-alku/01-kanavat.md", ("ConfirmDelete", "true"));
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("ei poistettu: koulutukseen tulisi virheitä", html);
        Assert.Contains("kurssi/02-toinen/01-muuta.md:5", html);
        Assert.DoesNotContain("id=\"confirm-delete\"", html);
        Assert.True(File.Exists(Full("01-alku/01-kanavat.md")));
    }

    [Fact]
    public async Task A_delete_from_an_outdated_page_or_of_something_that_is_not_a_lesson_is_refused()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var outdated = await editor.PostFormAsync("/Trainer/Courses/kurssi?handler=Delete",
            new Dictionary<string, string> { ["path"] = "02-toinen/01-muuta.md", ["fingerprint"] = "vanha", ["ConfirmDelete"] = "true" }, formUrl: "/Trainer/Courses/kurssi");
        var courseYml = await DeleteAsync(editor, "course.yml", ("ConfirmDelete", "true"));
        var outside = await DeleteAsync(editor, "../toinen", ("ConfirmDelete", "true"));

        Assert.Contains("muuttuivat sen jälkeen, kun avasit sivun", await outdated.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, courseYml.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.True(File.Exists(Full("02-toinen/01-muuta.md")));
        Assert.True(File.Exists(Path.Combine(_site.CoursesFolder, "toinen", "course.yml")));
    }

    [GeneratedRegex("name=\"fingerprint\" value=\"([0-9a-f]+)\"")]
    private static partial Regex Fingerprint();
}
