using System.Net;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Authoring;

/// <summary>Saving validates the course with the change applied, writes atomically, detects conflicts and keeps every version.</summary>
public sealed class WorkspaceEditingTests : IDisposable
{
    private const string Lesson = "01-alku/01-kanavat.md";
    private readonly WorkspaceSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task A_valid_save_is_written_kept_as_a_version_and_served_to_participants()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var participant = await _site.Learning.ParticipantAsync();
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", Lesson);
        fields["Text"] = fields["Text"].Replace("Tekstiä kanavista.", "Uusi teksti kanavista.").Replace("\n", "\r\n");

        var response = await WorkspaceSite.SaveAsync(editor, "kurssi", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var onDisk = _site.Read("kurssi/" + Lesson);
        Assert.Contains("Uusi teksti kanavista.", onDisk);
        Assert.DoesNotContain("\r", onDisk);
        Assert.Equal(2, await _site.RevisionsAsync("kurssi", Lesson)); // the file as it was, and the save
        Assert.Empty(Directory.GetFiles(Path.Combine(_site.CoursesFolder, "kurssi", "01-alku"), "*.tmp"));
        Assert.Contains("Uusi teksti kanavista.", await participant.Client.GetStringAsync("/courses/kurssi/alku/kanavat"));
    }

    [Fact]
    public async Task A_save_that_breaks_the_course_is_refused_with_the_line_and_the_text_kept()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", "course.yml");
        var before = _site.Read("kurssi/course.yml");
        fields["Text"] = fields["Text"].Replace("language: fi", "language: fi\nhours: [rikki");

        var response = await WorkspaceSite.SaveAsync(editor, "kurssi", fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Muutosta ei tallennettu", html);
        Assert.Matches("Rivi \\d+:", html);
        Assert.Contains("YAML-virhe", html);
        Assert.Contains("hours: [rikki", WorkspaceSite.TextareaOf(html, "file-text"));
        Assert.Equal(before, _site.Read("kurssi/course.yml"));
        Assert.Equal(0, await _site.RevisionsAsync("kurssi", "course.yml"));
    }

    [Theory]
    [InlineData("course.yml")]
    [InlineData("01-alku/module.yml")]
    public async Task A_yaml_file_has_no_markdown_insert_buttons_and_a_lesson_has(string yamlFile)
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var yaml = await editor.GetStringAsync($"/Trainer/Courses/kurssi/edit?path={yamlFile}");
        var lesson = await editor.GetStringAsync($"/Trainer/Courses/kurssi/edit?path={Lesson}");

        Assert.DoesNotContain("id=\"editor-tools\"", yaml);
        Assert.DoesNotContain("data-snippet=", yaml);
        Assert.Contains("data-markdown=\"false\"", yaml);
        Assert.Contains("id=\"editor-tools\"", lesson);
        Assert.Contains("data-markdown=\"true\"", lesson);
    }

    [Fact]
    public async Task A_lesson_error_is_shown_with_its_line()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", Lesson);
        fields["Text"] = fields["Text"].Replace("- [x] Video", "- [ ] Video");

        var html = await (await WorkspaceSite.SaveAsync(editor, "kurssi", fields)).Content.ReadAsStringAsync();

        Assert.Contains("Muutosta ei tallennettu", html);
        Assert.Matches("Rivi \\d+:", html);
    }

    [Fact]
    public async Task Two_trainers_saving_the_same_file_the_second_gets_both_versions_and_nothing_is_lost()
    {
        var first = await _site.TrainerAsync(WorkspaceSite.Editor);
        var second = await _site.TrainerAsync("admin@example.fi", Web.Accounts.Roles.Admin);
        var a = await WorkspaceSite.EditorFieldsAsync(first, "kurssi", Lesson);
        var b = await WorkspaceSite.EditorFieldsAsync(second, "kurssi", Lesson);
        a["Text"] = a["Text"].Replace("Tekstiä kanavista.", "Ensimmäisen muutos.");
        b["Text"] = b["Text"].Replace("Tekstiä kanavista.", "Toisen muutos.");

        Assert.Equal(HttpStatusCode.Redirect, (await WorkspaceSite.SaveAsync(first, "kurssi", a)).StatusCode);
        var conflict = await WorkspaceSite.SaveAsync(second, "kurssi", b);
        var html = await conflict.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("Tiedosto on muuttunut sen jälkeen, kun avasit sen", html);
        Assert.Contains("Ensimmäisen muutos.", WorkspaceSite.TextareaOf(html, "conflict-text"));
        Assert.Contains("Toisen muutos.", WorkspaceSite.TextareaOf(html, "file-text"));
        Assert.Contains("Ensimmäisen muutos.", _site.Read("kurssi/" + Lesson));

        // Merging by hand and saving again is checked against the version the conflict view showed.
        var merged = WorkspaceSite.TextareaOf(html, "file-text").Replace("Toisen muutos.", "Ensimmäisen muutos. Toisen muutos.");
        var hash = System.Text.RegularExpressions.Regex.Match(html, "name=\"BaseHash\" value=\"([0-9a-f]*)\"").Groups[1].Value;
        var again = await WorkspaceSite.SaveAsync(second, "kurssi", new() { ["Path"] = Lesson, ["Text"] = merged, ["BaseHash"] = hash });

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("Ensimmäisen muutos. Toisen muutos.", _site.Read("kurssi/" + Lesson));
    }

    [Fact]
    public async Task Preview_renders_the_unsaved_text_with_the_engine_and_saves_nothing()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", Lesson);
        var before = _site.Read("kurssi/" + Lesson);
        fields["Text"] = fields["Text"].Replace("Tekstiä kanavista.", "Esikatselussa **lihavoitu** teksti.");

        var response = await editor.PostFormAsync("/Trainer/Courses/kurssi/edit?handler=Preview", fields, formUrl: "/Trainer/Courses");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Esikatselussa <strong>lihavoitu</strong> teksti.", html);
        Assert.Contains("Mikä on synkroninen kanava?", html); // the quiz, as participants see it, without a form
        Assert.Equal(before, _site.Read("kurssi/" + Lesson));
    }

    [Fact]
    public async Task Preview_of_a_task_of_at_least_one_character_says_it_in_the_singular()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", Lesson);
        fields["Text"] += "\n::: task yksi-merkki minlength=1\nKirjoita jotain.\n:::\n";

        var response = await editor.PostFormAsync("/Trainer/Courses/kurssi/edit?handler=Preview", fields, formUrl: "/Trainer/Courses");
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("Vastauksen vähimmäispituus 1 merkki.", html);
        Assert.DoesNotContain("1 merkkiä", html);
    }

    [Fact]
    public async Task Restoring_an_earlier_version_writes_it_back_as_a_new_version()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", Lesson);
        var original = fields["Text"];
        fields["Text"] = original.Replace("Tekstiä kanavista.", "Muutettu.");
        await WorkspaceSite.SaveAsync(editor, "kurssi", fields);
        var history = await editor.GetStringAsync($"/Trainer/Courses/kurssi/history?path={Lesson}");
        var ids = System.Text.RegularExpressions.Regex.Matches(history, "name=\"revision\" value=\"(\\d+)\"").Select(m => m.Groups[1].Value).ToList();
        var (newest, baseline) = (ids[0], ids[^1]);

        var diff = await editor.GetStringAsync($"/Trainer/Courses/kurssi/history?path={Lesson}&revision={newest}");
        var restore = await editor.PostFormAsync("/Trainer/Courses/kurssi/history?handler=Restore",
            new Dictionary<string, string> { ["Path"] = Lesson, ["revision"] = baseline }, formUrl: "/Trainer/Courses");

        Assert.Contains("diff-added", diff);
        Assert.Contains("Muutettu.", diff);
        Assert.Contains("tiedosto ennen työtilaa", history);
        Assert.Contains("Tiina Kouluttaja", history);
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        Assert.Equal(original, _site.Read("kurssi/" + Lesson));
        Assert.Equal(3, await _site.RevisionsAsync("kurssi", Lesson));
    }

    [Fact]
    public async Task A_revision_of_another_course_cannot_be_restored_here()
    {
        var admin = await _site.TrainerAsync("admin@example.fi", Web.Accounts.Roles.Admin);
        var other = await WorkspaceSite.EditorFieldsAsync(admin, "toinen", "01-alku/01-kanavat.md");
        other["Text"] = other["Text"].Replace("Salainen teksti.", "Toisen kurssin muutos.");
        await WorkspaceSite.SaveAsync(admin, "toinen", other);
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var responses = new List<HttpStatusCode>();
        for (var id = 1; id <= 2; id++)
        {
            responses.Add((await editor.PostFormAsync("/Trainer/Courses/kurssi/history?handler=Restore",
                new Dictionary<string, string> { ["Path"] = "01-alku/01-kanavat.md", ["revision"] = id.ToString() }, formUrl: "/Trainer/Courses")).StatusCode);
        }

        Assert.All(responses, status => Assert.Equal(HttpStatusCode.NotFound, status));
        Assert.DoesNotContain("Salainen", _site.Read("kurssi/" + Lesson));
    }

    [Theory]
    [InlineData("01-alku/02-oma-tyo.md", "task kanavakartta", "task uusi-kartta", "kanavakartta")]
    [InlineData("01-alku/01-kanavat.md", "question synkroninen", "question uusi-kysymys", "synkroninen")]
    [InlineData("01-alku/01-kanavat.md", "title: Kanavat", "id: uusi-oppitunti\ntitle: Kanavat", "kanavat")]
    public async Task Renaming_a_task_question_or_lesson_someone_has_progress_on_warns_and_saves_nothing(string path, string from, string to, string removed)
    {
        var participant = await _site.Learning.ParticipantAsync();
        await participant.TaskAsync(LearningSite.LongAnswer, submit: true);
        await participant.AnswerQuizAsync("b");
        await participant.DoneAsync("alku/kanavat");
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var before = _site.Read("kurssi/" + path);
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", path);
        fields["Text"] = fields["Text"].Replace(from, to.Replace("\\n", "\n"));

        var response = await WorkspaceSite.SaveAsync(editor, "kurssi", fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Osallistujien edistyminen niissä alkaa alusta", html);
        Assert.Contains("Poistuvat tunnisteet: " + removed, html);
        Assert.Equal(before, _site.Read("kurssi/" + path));
    }

    [Theory]
    [InlineData("01-alku/02-oma-tyo.md", "task kanavakartta", "task uusi-kartta", "kanavakartta")]
    [InlineData("01-alku/01-kanavat.md", "question synkroninen", "question uusi-kysymys", "synkroninen")]
    [InlineData("01-alku/01-kanavat.md", "title: Kanavat", "id: uusi-oppitunti\ntitle: Kanavat", "kanavat")]
    [InlineData("01-alku/01-kanavat.md", "quiz kanavavisa", "quiz uusivisa", "kanavavisa")]
    public async Task Renaming_an_id_nobody_has_progress_on_saves_without_asking_and_names_the_id(string path, string from, string to, string removed)
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", path);
        fields["Text"] = fields["Text"].Replace(from, to.Replace("\\n", "\n"));

        var response = await WorkspaceSite.SaveAsync(editor, "kurssi", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(to.Split("\\n")[0], _site.Read("kurssi/" + path));
        var page = await editor.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains($"Tallennettu. Poistuneet tunnisteet: {removed} (kenelläkään ei ollut niissä edistymistä).", page);
    }

    [Fact]
    public async Task Renaming_an_id_of_a_draft_needs_no_confirmation()
    {
        _site.Learning.Write("kurssi/course.yml", WorkspaceSite.CourseYml(WorkspaceSite.Editor, "draft"));
        _site.Learning.Reload();
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", Lesson);
        fields["Text"] = fields["Text"].Replace("quiz kanavavisa", "quiz uusivisa");

        Assert.Equal(HttpStatusCode.Redirect, (await WorkspaceSite.SaveAsync(editor, "kurssi", fields)).StatusCode);
        Assert.Contains("quiz uusivisa", _site.Read("kurssi/" + Lesson));
    }

    [Fact]
    public async Task Renaming_a_quiz_someone_has_a_result_on_warns_before_saving()
    {
        await (await _site.Learning.ParticipantAsync()).AnswerQuizAsync("b");
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", Lesson);
        fields["Text"] = fields["Text"].Replace("quiz kanavavisa", "quiz uusivisa");

        var warned = await (await WorkspaceSite.SaveAsync(editor, "kurssi", fields)).Content.ReadAsStringAsync();
        fields["ConfirmIds"] = WorkspaceSite.BoxValue(warned, "ConfirmIds");
        var saved = await WorkspaceSite.SaveAsync(editor, "kurssi", fields);

        Assert.Contains("Poistuvat tunnisteet: kanavavisa", warned);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("quiz uusivisa", _site.Read("kurssi/" + Lesson));
    }

    [Fact]
    public async Task Restoring_a_version_that_drops_ids_someone_has_progress_on_warns_like_save_and_restores_only_when_confirmed()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", Lesson);
        var original = fields["Text"];
        fields["Text"] = original.Replace("quiz kanavavisa", "quiz uusivisa");
        fields["ConfirmIds"] = "kanavavisa";
        await WorkspaceSite.SaveAsync(editor, "kurssi", fields);
        var renamed = _site.Read("kurssi/" + Lesson);
        var participant = await _site.Learning.ParticipantAsync();
        await participant.Client.PostFormAsync("/courses/kurssi/alku/kanavat?handler=Quiz",
            new Dictionary<string, string> { ["quizId"] = "uusivisa", ["q.synkroninen"] = "b" }, formUrl: "/courses/kurssi/alku/kanavat");
        Assert.Equal(1, await _site.Learning.DbAsync(db => db.QuizResults.CountAsync(r => r.QuizId == "uusivisa")));
        var history = await editor.GetStringAsync($"/Trainer/Courses/kurssi/history?path={Lesson}");
        var baseline = System.Text.RegularExpressions.Regex.Matches(history, "name=\"revision\" value=\"(\\d+)\"").Select(m => m.Groups[1].Value).Last();
        var restore = new Dictionary<string, string> { ["Path"] = Lesson, ["revision"] = baseline };

        var warned = await editor.PostFormAsync("/Trainer/Courses/kurssi/history?handler=Restore", restore, formUrl: "/Trainer/Courses");
        var warning = await warned.Content.ReadAsStringAsync();
        var unchanged = _site.Read("kurssi/" + Lesson);
        restore["ConfirmIds"] = WorkspaceSite.BoxValue(warning, "ConfirmIds");
        var confirmed = await editor.PostFormAsync("/Trainer/Courses/kurssi/history?handler=Restore", restore, formUrl: "/Trainer/Courses");

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("Osallistujien edistyminen niissä alkaa alusta", warning);
        Assert.Contains("Poistuvat tunnisteet: uusivisa", warning);
        Assert.Contains("name=\"ConfirmIds\"", warning);
        Assert.Equal(renamed, unchanged);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(original, _site.Read("kurssi/" + Lesson));
    }

    [Fact]
    public async Task Making_a_published_course_a_draft_counts_those_still_on_it_and_saves_only_when_confirmed()
    {
        var completed = await _site.Learning.ParticipantAsync();
        await completed.CompleteAllAsync();
        Assert.Equal(1, await _site.Learning.CompletionsAsync(completed.UserId));
        await (await _site.Learning.ParticipantAsync()).DoneAsync("alku/kanavat");
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", "course.yml");
        var before = _site.Read("kurssi/course.yml");
        fields["Text"] = fields["Text"].Replace("status: published", "status: draft");

        var warned = await WorkspaceSite.SaveAsync(editor, "kurssi", fields);
        var warning = await warned.Content.ReadAsStringAsync();
        var unchanged = _site.Read("kurssi/course.yml");
        fields["ConfirmDraft"] = "true";
        var confirmed = await WorkspaceSite.SaveAsync(editor, "kurssi", fields);

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("Osallistujia, joilla koulutus on kesken: 1.", warning); // not the one who completed it
        Assert.Contains("linkkinsä lakkaavat toimimasta", warning);
        Assert.Equal(before, unchanged);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("status: draft", _site.Read("kurssi/course.yml"));
    }

    [Fact]
    public async Task A_quiz_id_longer_than_its_database_column_is_refused_even_when_renaming_is_confirmed()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", Lesson);
        var before = _site.Read("kurssi/" + Lesson);
        fields["Text"] = fields["Text"].Replace("quiz kanavavisa", "quiz " + new string('a', 101));
        fields["ConfirmIds"] = "kanavavisa";

        var response = await WorkspaceSite.SaveAsync(editor, "kurssi", fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Muutosta ei tallennettu", html);
        Assert.Contains("on 101 merkkiä, enintään 100 sallitaan", html);
        Assert.Equal(before, _site.Read("kurssi/" + Lesson));
    }

    [Fact]
    public async Task A_course_title_too_long_for_certificates_and_mail_subjects_is_refused_and_one_at_the_limit_is_saved()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", "course.yml");
        var before = _site.Read("kurssi/course.yml");
        var original = fields["Text"];
        fields["Text"] = original.Replace("title: Pieni kurssi", "title: " + new string('T', 201));

        var refused = await WorkspaceSite.SaveAsync(editor, "kurssi", fields);
        var html = await refused.Content.ReadAsStringAsync();
        fields["Text"] = original.Replace("title: Pieni kurssi", "title: " + new string('T', 200));
        var saved = await WorkspaceSite.SaveAsync(editor, "kurssi", fields);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Muutosta ei tallennettu", html);
        Assert.Contains("Rivi 1:", html);
        Assert.Contains("enintään 200 sallitaan", html);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.NotEqual(before, _site.Read("kurssi/course.yml"));
    }
}
