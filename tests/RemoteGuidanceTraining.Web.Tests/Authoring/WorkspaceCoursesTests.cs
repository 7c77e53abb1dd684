using System.Net;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Authoring;

/// <summary>Drafts, publishing, new courses and lessons from templates, and uploads.</summary>
public sealed class WorkspaceCoursesTests : IDisposable
{
    private readonly WorkspaceSite _site = new(status: "draft");

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task A_draft_is_out_of_the_catalogue_until_published_and_trainers_see_it_with_a_banner()
    {
        var participant = new { Client = await _site.ParticipantClientAsync() };
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        Assert.DoesNotContain("/courses/kurssi\"", await participant.Client.GetStringAsync("/courses"));
        Assert.Equal(HttpStatusCode.NotFound, (await participant.Client.GetAsync("/courses/kurssi")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await participant.Client.GetAsync("/courses/kurssi/alku/kanavat")).StatusCode);
        Assert.Contains("Luonnos: näet koulutuksen kouluttajana", await editor.GetStringAsync("/courses/kurssi"));
        var list = await editor.GetStringAsync("/Trainer/Courses");
        Assert.Contains("Luonnos", list);

        var publish = await editor.PostFormAsync("/Trainer/Courses/kurssi?handler=Publish", new Dictionary<string, string>(), formUrl: "/Trainer/Courses/kurssi");

        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.Contains("status: published", _site.Read("kurssi/course.yml"));
        Assert.Contains("/courses/kurssi\"", await participant.Client.GetStringAsync("/courses"));
        Assert.Equal(HttpStatusCode.OK, (await participant.Client.GetAsync("/courses/kurssi")).StatusCode);
    }

    [Fact]
    public async Task A_new_course_from_the_template_is_a_valid_draft_its_creator_edits()
    {
        var trainer = await _site.TrainerAsync("uusi@example.fi");

        var response = await trainer.PostFormAsync("/Trainer/Courses?handler=Create",
            new Dictionary<string, string> { ["NewTitle"] = "Äänellä ohjaaminen: puhelin", ["NewId"] = "", ["NewLanguage"] = "fi" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Trainer/Courses/aanella-ohjaaminen-puhelin", response.Headers.Location!.OriginalString);
        var yml = _site.Read("aanella-ohjaaminen-puhelin/course.yml");
        Assert.Contains("status: draft", yml);
        Assert.Contains("uusi@example.fi", yml);
        var list = await trainer.GetStringAsync("/Trainer/Courses");
        Assert.Contains("Äänellä ohjaaminen: puhelin", list);
        Assert.Contains("Kunnossa", list);
        Assert.NotNull(_site.Site.Services.GetService(typeof(Web.Courses.CatalogHolder)) is Web.Courses.CatalogHolder holder
            ? holder.Current.Find("aanella-ohjaaminen-puhelin") : null);
    }

    [Fact]
    public async Task A_new_course_with_a_taken_or_bad_id_is_refused_with_a_message()
    {
        var trainer = await _site.TrainerAsync("uusi@example.fi");

        var taken = await trainer.PostFormAsync("/Trainer/Courses?handler=Create",
            new Dictionary<string, string> { ["NewTitle"] = "Mikä tahansa", ["NewId"] = "toinen", ["NewLanguage"] = "fi" });
        var bad = await trainer.PostFormAsync("/Trainer/Courses?handler=Create",
            new Dictionary<string, string> { ["NewTitle"] = "Mikä tahansa", ["NewId"] = "../x", ["NewLanguage"] = "fi" });

        Assert.Contains("on jo olemassa", await taken.Content.ReadAsStringAsync());
        Assert.Contains("Tunnisteessa saa olla vain", await bad.Content.ReadAsStringAsync());
        Assert.Contains("Toinen kurssi", _site.Read("toinen/course.yml"));
    }

    [Fact]
    public async Task A_new_lesson_gets_the_next_number_and_opens_in_the_editor()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var response = await editor.PostFormAsync("/Trainer/Courses/kurssi?handler=NewLesson",
            new Dictionary<string, string> { ["module"] = "01-alku", ["title"] = "Chat-ohjaus" }, formUrl: "/Trainer/Courses/kurssi");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("path=01-alku%2F03-chat-ohjaus.md", response.Headers.Location!.OriginalString);
        Assert.Contains("title: \"Chat-ohjaus\"", _site.Read("kurssi/01-alku/03-chat-ohjaus.md"));
    }

    [Fact]
    public async Task A_refused_new_lesson_or_module_keeps_what_was_typed_and_the_module_chosen()
    {
        _site.Learning.Write("kurssi/02-toinen/module.yml", "title: Toinen\n");
        _site.Learning.Write("kurssi/02-toinen/01-muuta.md", "---\ntitle: Muuta\n---\n\nTekstiä.\n");
        _site.Learning.Reload();
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        // Titles with no letter or digit give no id, so nothing can be created from them.
        var lesson = await (await editor.PostFormAsync("/Trainer/Courses/kurssi?handler=NewLesson",
            new Dictionary<string, string> { ["module"] = "02-toinen", ["title"] = "?!?" }, formUrl: "/Trainer/Courses/kurssi")).Content.ReadAsStringAsync();
        var module = await (await editor.PostFormAsync("/Trainer/Courses/kurssi?handler=NewModule",
            new Dictionary<string, string> { ["title"] = "–––" }, formUrl: "/Trainer/Courses/kurssi")).Content.ReadAsStringAsync();

        Assert.Contains("form-errors", lesson);
        Assert.Contains("id=\"lesson-title\" name=\"title\" value=\"?!?\"", lesson);
        Assert.Contains("<option value=\"02-toinen\" selected=\"selected\">", lesson);
        Assert.Contains("form-errors", module);
        Assert.Contains("id=\"module-title\" name=\"title\" value=\"–––\"", module);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_site.CoursesFolder, "kurssi", "02-toinen")).Length);
    }

    [Fact]
    public async Task A_new_lesson_or_module_whose_title_is_taken_anywhere_in_the_course_gets_a_free_id()
    {
        _site.Learning.Write("kurssi/02-toinen/module.yml", "title: Toinen\n");
        _site.Learning.Write("kurssi/02-toinen/01-muuta.md", "---\ntitle: Muuta\nid: tervetuloa\n---\n\nTekstiä.\n");
        _site.Learning.Reload();
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        // "kanavat" is a lesson of 01-alku, "tervetuloa" a lesson id set in front matter, "alku" a module.
        var lesson = await editor.PostFormAsync("/Trainer/Courses/kurssi?handler=NewLesson",
            new Dictionary<string, string> { ["module"] = "02-toinen", ["title"] = "Kanavat" }, formUrl: "/Trainer/Courses/kurssi");
        var welcome = await editor.PostFormAsync("/Trainer/Courses/kurssi?handler=NewLesson",
            new Dictionary<string, string> { ["module"] = "01-alku", ["title"] = "Tervetuloa" }, formUrl: "/Trainer/Courses/kurssi");
        var module = await editor.PostFormAsync("/Trainer/Courses/kurssi?handler=NewModule",
            new Dictionary<string, string> { ["title"] = "Alku" }, formUrl: "/Trainer/Courses/kurssi");
        var again = await editor.PostFormAsync("/Trainer/Courses/kurssi?handler=NewModule",
            new Dictionary<string, string> { ["title"] = "Alku" }, formUrl: "/Trainer/Courses/kurssi");

        Assert.Equal(HttpStatusCode.Redirect, lesson.StatusCode);
        Assert.Contains("path=02-toinen%2F02-kanavat-2.md", lesson.Headers.Location!.OriginalString);
        Assert.Contains("path=01-alku%2F03-tervetuloa-2.md", welcome.Headers.Location!.OriginalString);
        Assert.Contains("path=03-alku-2%2F01-alku-2-johdanto.md", module.Headers.Location!.OriginalString);
        Assert.Contains("path=04-alku-3%2F01-alku-3-johdanto.md", again.Headers.Location!.OriginalString);
        var page = await editor.GetStringAsync("/Trainer/Courses/kurssi");
        Assert.DoesNotContain("Duplicate", page);
        Assert.Contains("Kanavat", _site.Read("kurssi/02-toinen/02-kanavat-2.md"));
    }

    [Fact]
    public async Task The_course_title_and_the_files_text_carry_the_courses_language()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var course = await editor.GetStringAsync("/Trainer/Courses/kurssi");
        var edit = await editor.GetStringAsync("/Trainer/Courses/kurssi/edit?path=course.yml");

        Assert.Contains("› <span lang=\"fi\">Pieni kurssi</span></nav>", course);
        Assert.Contains("<h1 lang=\"fi\">Pieni kurssi</h1>", course);
        Assert.Matches("<a [^>]*lang=\"fi\"[^>]*>Pieni kurssi</a>", edit);
        Assert.Matches("<textarea id=\"file-text\"[^>]*lang=\"fi\"", edit);
    }

    [Fact]
    public async Task A_long_title_is_cut_to_an_id_at_a_word_boundary()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var title = "Ohjauskeskustelun rakenne ja tavoitteet etäyhteydellä toteutettavassa ohjauksessa";

        var response = await editor.PostFormAsync("/Trainer/Courses/kurssi?handler=NewLesson",
            new Dictionary<string, string> { ["module"] = "01-alku", ["title"] = title }, formUrl: "/Trainer/Courses/kurssi");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("path=01-alku%2F03-ohjauskeskustelun-rakenne-ja-tavoitteet-etayhteydella.md", response.Headers.Location!.OriginalString);
        Assert.Equal("kanava-kartta", Web.Authoring.CoursePaths.Slug("Kanava kartta", maxLength: 13));
        Assert.Equal("kanava", Web.Authoring.CoursePaths.Slug("Kanava kartta", maxLength: 12));
        Assert.Equal("kanavakar", Web.Authoring.CoursePaths.Slug("Kanavakartta", maxLength: 9));
    }

    [Theory]
    [InlineData("sv", "Skriv här ett stycke", "01-inledning/01-valkommen.md", "introduktion", "Skriv lektionens text här.", "Fråga?")]
    [InlineData("en", "Write a paragraph here", "01-getting-started/01-welcome.md", "introduction", "Write the lesson's text here.", "Question?")]
    public async Task A_course_in_swedish_or_english_starts_new_files_and_editor_snippets_in_its_own_language(
        string language, string summary, string firstLesson, string introduction, string lessonBody, string question)
    {
        var trainer = await _site.TrainerAsync("uusi@example.fi");

        await trainer.PostFormAsync("/Trainer/Courses?handler=Create",
            new Dictionary<string, string> { ["NewTitle"] = "Kurs", ["NewId"] = "kurs", ["NewLanguage"] = language });
        var module = await trainer.PostFormAsync("/Trainer/Courses/kurs?handler=NewModule",
            new Dictionary<string, string> { ["title"] = "Kanaler" }, formUrl: "/Trainer/Courses/kurs");
        var editor = await trainer.GetStringAsync($"/Trainer/Courses/kurs/edit?path={Uri.EscapeDataString(firstLesson)}");
        var list = await trainer.GetStringAsync("/Trainer/Courses");

        var yml = _site.Read("kurs/course.yml");
        Assert.Contains(summary, yml);
        Assert.DoesNotContain("Kirjoita", yml);
        Assert.Contains(lessonBody, _site.Read("kurs/" + firstLesson));
        Assert.Equal(HttpStatusCode.Redirect, module.StatusCode);
        Assert.Contains(lessonBody, _site.Read($"kurs/02-kanaler/01-kanaler-{introduction}.md"));
        Assert.Contains(question, editor);
        Assert.DoesNotContain("Kysymys?", editor);
        Assert.DoesNotContain("Huomio.", editor);
        Assert.Matches($"<a [^>]*lang=\"{language}\"[^>]*>Kurs</a>", list); // the course's title in its own language inside a Finnish page
        Assert.Contains("lang=\"sv\">svenska</option>", list);
    }

    [Fact]
    public void Templates_and_snippets_of_another_language_fall_back_to_finnish()
    {
        Assert.Equal(Web.Authoring.CourseTemplates.For("fi"), Web.Authoring.CourseTemplates.For("de"));
        Assert.Contains("Kysymys?", Web.Authoring.EditorSnippets.For("de")[0].Text);
        Assert.Contains("Kirjoita tähän kappale", Web.Authoring.CourseTemplates.NewCourse("K", "de", "a@example.fi")["course.yml"]);
    }

    [Fact]
    public async Task An_image_upload_gets_a_normalised_name_and_the_markdown_to_insert()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var response = await WorkspaceSite.UploadAsync(editor, "kurssi", "01-alku", "Kanava Kartta ÄÖ.PNG", WorkspaceSite.Png);
        var html = await editor.GetStringAsync(response.Headers.Location);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(File.Exists(Path.Combine(_site.CoursesFolder, "kurssi", "01-alku", "kanava-kartta-ao.png")));
        Assert.Contains("(kanava-kartta-ao.png)", html);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/courses/kurssi/media/01-alku/kanava-kartta-ao.png")).StatusCode);
    }

    [Fact]
    public async Task An_upload_redirects_to_the_course_page_with_its_message_so_a_reload_uploads_nothing_again()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var response = await WorkspaceSite.UploadAsync(editor, "kurssi", "01-alku", "kaavio.png", WorkspaceSite.Png);
        var shown = System.Net.WebUtility.HtmlDecode(await editor.GetStringAsync(response.Headers.Location));
        var reloaded = System.Net.WebUtility.HtmlDecode(await editor.GetStringAsync(response.Headers.Location));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Trainer/Courses/kurssi", response.Headers.Location?.OriginalString);
        Assert.Contains("Tiedosto kaavio.png ladattiin.", shown);
        Assert.Contains("value=\"![Kuvaile kuva tähän](kaavio.png)\"", shown);
        Assert.DoesNotContain("ladattiin", reloaded); // the message was for the redirect only
        Assert.Equal(["01-kanavat.md", "02-oma-tyo.md", "kaavio.png", "module.yml"],
            Directory.GetFiles(Path.Combine(_site.CoursesFolder, "kurssi", "01-alku")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("sv", "en", "![Beskriv bilden här](bild.png)")]
    [InlineData("en", "fi", "![Describe the image here](bild.png)")]
    public async Task The_markdown_of_an_upload_has_its_alt_text_in_the_courses_language_not_the_interfaces(string language, string ui, string markdown)
    {
        _site.Learning.Write("kurssi/course.yml", WorkspaceSite.CourseYml(WorkspaceSite.Editor, "draft").Replace("language: fi", $"language: {language}"));
        _site.Learning.Reload();
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        await editor.PostFormAsync("/Language", new Dictionary<string, string> { ["culture"] = ui, ["returnUrl"] = "/Trainer/Courses" }, formUrl: "/Trainer/Courses");

        var response = await WorkspaceSite.UploadAsync(editor, "kurssi", "01-alku", "bild.png", WorkspaceSite.Png);
        var uploaded = System.Net.WebUtility.HtmlDecode(await editor.GetStringAsync(response.Headers.Location));
        var list = System.Net.WebUtility.HtmlDecode(await editor.GetStringAsync("/Trainer/Courses/kurssi/uploads"));

        Assert.Contains($"<html lang=\"{ui}\"", uploaded); // the interface stays in the trainer's language
        Assert.Contains($"value=\"{markdown}\"", uploaded);
        Assert.Contains($"value=\"{markdown}\"", list);
    }

    [Theory]
    [InlineData("kaavio.svg", "Tätä tiedostotyyppiä ei voi ladata")]
    [InlineData("skripti.html", "Tätä tiedostotyyppiä ei voi ladata")]
    [InlineData("oppitunti.md", "Tätä tiedostotyyppiä ei voi ladata")]
    [InlineData("naamioitu.png", "ei ole .png-kuva")]
    public async Task A_refused_type_gets_a_clear_message_and_nothing_is_written(string name, string message)
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var response = await WorkspaceSite.UploadAsync(editor, "kurssi", "01-alku", name, "<svg onload=alert(1)></svg>"u8.ToArray());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(["01-kanavat.md", "02-oma-tyo.md", "module.yml"],
            Directory.GetFiles(Path.Combine(_site.CoursesFolder, "kurssi", "01-alku")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3 * Web.Authoring.UploadRules.MaxBytes)]
    public async Task An_upload_over_the_limit_gets_a_clear_message(long overBy)
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var big = new byte[Web.Authoring.UploadRules.MaxBytes + overBy];
        WorkspaceSite.Png.CopyTo(big, 0);

        var response = await WorkspaceSite.UploadAsync(editor, "kurssi", "01-alku", "iso.png", big);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tiedosto on liian suuri", await response.Content.ReadAsStringAsync());
        Assert.False(File.Exists(Path.Combine(_site.CoursesFolder, "kurssi", "01-alku", "iso.png")));
    }
}
