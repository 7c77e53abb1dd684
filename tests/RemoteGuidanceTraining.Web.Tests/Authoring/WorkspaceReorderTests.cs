using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Authoring;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Authoring;

/// <summary>
/// Reordering renumbers the "NN-" prefixes of module folders and lesson files; ids stay, so participants' progress
/// and lesson addresses stay. A move from an outdated page, or one that would break the course, is refused.
/// </summary>
public sealed partial class WorkspaceReorderTests : IDisposable
{
    private readonly WorkspaceSite _site = new();

    public WorkspaceReorderTests()
    {
        _site.Learning.Write("kurssi/02-lisaa/module.yml", "title: Lisää\n");
        _site.Learning.Write("kurssi/02-lisaa/01-lisa.md", "---\ntitle: Lisäluku\nminutes: 5\n---\n\nLisäteksti.\n");
        _site.Learning.Reload();
    }

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Moving_a_lesson_down_renumbers_the_files_and_keeps_ids_progress_and_history()
    {
        var participant = await _site.Learning.ParticipantAsync();
        await participant.DoneAsync("alku/kanavat");
        await participant.AnswerQuizAsync("b");
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", "01-alku/01-kanavat.md");
        fields["Text"] = fields["Text"].Replace("Tekstiä kanavista.", "Muokattu ennen siirtoa.");
        await WorkspaceSite.SaveAsync(editor, "kurssi", fields);
        var progressBefore = await ProgressRowsAsync();

        var response = await MoveAsync(editor, "01-alku/01-kanavat.md", "Down");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["01-oma-tyo.md", "02-kanavat.md", "module.yml"], FilesIn("01-alku"));
        Assert.Equal(progressBefore, await ProgressRowsAsync());
        var course = await participant.Client.GetStringAsync("/courses/kurssi");
        Assert.True(course.IndexOf("Oma työ", StringComparison.Ordinal) < course.IndexOf("Kanavat", StringComparison.Ordinal), "the new order is served");
        var lesson = await participant.Client.GetStringAsync("/courses/kurssi/alku/kanavat");
        Assert.Contains("Muokattu ennen siirtoa.", lesson);
        Assert.Contains("Hyväksytty.", lesson); // the quiz attempt still counts
        // The history followed the file: the baseline, the save and the move, all under the new name.
        Assert.Equal(3, await _site.RevisionsAsync("kurssi", "01-alku/02-kanavat.md"));
        Assert.Equal(0, await _site.RevisionsAsync("kurssi", "01-alku/01-kanavat.md"));
        var history = await editor.GetStringAsync("/Trainer/Courses/kurssi/history?path=01-alku/02-kanavat.md");
        Assert.Contains("siirto", history);
        Assert.Contains("Tiina Kouluttaja", history);
    }

    [Fact]
    public async Task Moving_a_module_up_renames_its_folder_and_lesson_addresses_stay()
    {
        var participant = await _site.Learning.ParticipantAsync();
        await participant.DoneAsync("alku/kanavat");
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var response = await MoveAsync(editor, "02-lisaa", "Up");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(Directory.Exists(Path.Combine(_site.CoursesFolder, "kurssi", "01-lisaa")));
        Assert.Equal(["01-kanavat.md", "02-oma-tyo.md", "module.yml"], FilesIn("02-alku"));
        Assert.Equal(HttpStatusCode.OK, (await participant.Client.GetAsync("/courses/kurssi/alku/kanavat")).StatusCode);
        Assert.Equal(1, await _site.Learning.DbAsync(db => db.LessonCompletions.CountAsync(l => l.UserId == participant.UserId && l.LessonId == "kanavat")));
        Assert.Equal(1, await _site.Learning.DbAsync(db => db.Set<CourseFileRevision>().CountAsync(r => r.Path == "02-alku/module.yml" && r.Action == "move")));
    }

    [Fact]
    public async Task A_lesson_moved_to_another_module_keeps_its_id_and_the_old_address_redirects()
    {
        var participant = await _site.Learning.ParticipantAsync();
        await participant.TaskAsync(Learning.LearningSite.LongAnswer, submit: true);
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var response = await MoveAsync(editor, "01-alku/02-oma-tyo.md", "ToModule", target: "02-lisaa");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["01-lisa.md", "02-oma-tyo.md", "module.yml"], FilesIn("02-lisaa"));
        var old = await participant.Client.GetAsync("/courses/kurssi/alku/oma-tyo");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/courses/kurssi/lisaa/oma-tyo", old.Headers.Location?.OriginalString);
        Assert.Contains(Learning.LearningSite.LongAnswer, await participant.Client.GetStringAsync("/courses/kurssi/lisaa/oma-tyo"));
    }

    [Fact]
    public async Task A_move_from_an_outdated_page_is_refused_and_nothing_moves()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var fingerprint = await FingerprintAsync(editor);
        _site.Learning.Write("kurssi/01-alku/03-uusi.md", "---\ntitle: Uusi\nminutes: 1\n---\n\nToisen tekemä.\n");

        var response = await MoveAsync(editor, "01-alku/01-kanavat.md", "Down", fingerprint: fingerprint);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("muuttuivat sen jälkeen", await response.Content.ReadAsStringAsync());
        Assert.Equal(["01-kanavat.md", "02-oma-tyo.md", "03-uusi.md", "module.yml"], FilesIn("01-alku"));
    }

    [Fact]
    public async Task A_move_that_would_break_the_course_is_refused_with_its_problems()
    {
        // An image beside the lesson: moved to another module, the lesson would lose it.
        File.WriteAllBytes(Path.Combine(_site.CoursesFolder, "kurssi", "01-alku", "kuva.png"), WorkspaceSite.Png);
        _site.Learning.Write("kurssi/01-alku/02-oma-tyo.md", Learning.LearningSite.LessonTwo + "\n![Kuva](kuva.png)\n");
        _site.Learning.Reload();
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var response = await MoveAsync(editor, "01-alku/02-oma-tyo.md", "ToModule", target: "02-lisaa");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Siirtoa ei tehty", await response.Content.ReadAsStringAsync());
        Assert.Equal(["01-kanavat.md", "02-oma-tyo.md", "kuva.png", "module.yml"], FilesIn("01-alku"));
    }

    [Theory]
    [InlineData("sideways")]
    [InlineData("")]
    [InlineData("ToModule")] // without a target
    public async Task A_move_without_a_usable_direction_gets_a_message_and_nothing_moves(string direction)
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var response = await MoveAsync(editor, "01-alku/02-oma-tyo.md", direction);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tätä ei voi siirtää siihen suuntaan.", await response.Content.ReadAsStringAsync());
        Assert.Equal(["01-kanavat.md", "02-oma-tyo.md", "module.yml"], FilesIn("01-alku"));
    }

    [Theory]
    [InlineData("../toinen/01-alku", "Up")]
    [InlineData("01-alku/../../toinen/01-alku/01-kanavat.md", "Down")]
    [InlineData("/etc", "Down")]
    [InlineData("01-alku/kuva.png", "Down")]
    public async Task Guessed_paths_are_404(string path, string direction)
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var response = await MoveAsync(editor, path, direction);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<HttpResponseMessage> MoveAsync(HttpClient client, string path, string direction, string? target = null, string? fingerprint = null)
    {
        var fields = new Dictionary<string, string> { ["path"] = path, ["direction"] = direction, ["fingerprint"] = fingerprint ?? await FingerprintAsync(client) };
        if (target is not null)
        {
            fields["target"] = target;
        }

        return await client.PostFormAsync("/Trainer/Courses/kurssi?handler=Move", fields, formUrl: "/Trainer/Courses/kurssi");
    }

    private static async Task<string> FingerprintAsync(HttpClient client) =>
        Fingerprint().Match(await client.GetStringAsync("/Trainer/Courses/kurssi")).Groups[1].Value;

    private IEnumerable<string> FilesIn(string module) =>
        Directory.GetFiles(Path.Combine(_site.CoursesFolder, "kurssi", module)).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    private Task<string> ProgressRowsAsync() => _site.Learning.DbAsync(async db =>
        string.Join(",", await db.LessonCompletions.Select(l => l.LessonId).ToListAsync())
        + "|" + string.Join(",", (await db.QuizAttempts.Select(q => new { q.QuizId, q.Passed }).ToListAsync()).Select(q => $"{q.QuizId}:{q.Passed}")));

    [GeneratedRegex("name=\"fingerprint\" value=\"([0-9a-f]+)\"")]
    private static partial Regex Fingerprint();
}
