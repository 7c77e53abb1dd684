using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Browser;

/// <summary>
/// The acceptance journey: a trainer creates a course from the template, adds a lesson with a quiz, meets a
/// YAML error with its line, fixes it, previews, uploads an image and sees it in the preview, publishes; a
/// participant completes the course; the trainer restores an earlier version and the participant sees it.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class TrainerWorkspaceJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string QuizLesson = """
        ---
        title: Kanavan valinta
        minutes: 5
        ---

        Ensimmäinen versio oppitunnin tekstistä.

        :::: quiz valintavisa
        ::: question synkroninen
        Mikä on synkroninen kanava?

        - [ ] Sähköposti
        - [x] Videotapaaminen

        Videotapaamisessa ollaan yhteydessä samaan aikaan.
        :::
        ::::
        """;

    // A 1×1 PNG, so the browser really decodes the uploaded image.
    private static readonly byte[] _png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private readonly TempFolder _courses = new();
    private KestrelSite _site = null!;

    public async Task InitializeAsync() => _site = await KestrelSite.StartAsync(new Dictionary<string, string?>
    {
        ["Courses:Folder"] = _courses.Path,
        ["Courses:Watch"] = "false",
    });

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _courses.Dispose();
    }

    [Fact]
    public async Task Create_edit_fix_preview_upload_publish_complete_and_restore()
    {
        await TestUsers.CreateAsync(_site.Services, "kouluttaja@example.fi", "Kaisa Kouluttaja", Roles.Trainer);
        var participantUser = await TestUsers.CreateAsync(_site.Services, "osallistuja@example.fi", "Olli Osallistuja");
        await using var context = await browser.NewContextAsync(_site.BaseUrl);
        var page = await context.NewPageAsync();
        try
        {
            await page.SignInAsync("kouluttaja@example.fi");
            await page.GotoAsync("/Trainer/Courses");
            await Accessibility.AssertNoSeriousViolationsAsync(page);

            // A course from the template, then a lesson with a quiz, written with the keyboard only.
            await page.GetByLabel("Koulutuksen nimi").FillAsync("Selainkoulutus");
            await page.GetByRole(AriaRole.Button, new() { Name = "Luo koulutus" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Koulutus luotiin luonnoksena.")).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await page.GetByLabel("Oppitunnin otsikko").FillAsync("Kanavan valinta");
            await page.GetByRole(AriaRole.Button, new() { Name = "Luo oppitunti" }).ClickAsync();
            // The editor script runs before the load event; typing earlier would go to the plain textarea it replaces.
            await page.WaitForLoadStateAsync(LoadState.Load);
            var editor = page.GetByLabel("Tiedoston teksti (Markdown tai YAML)");
            await editor.FocusAsync();
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.InsertTextAsync(QuizLesson);
            await Assertions.Expect(page.Locator("#file-text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(":::: quiz valintavisa")); // the form's field follows the editor
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Tallenna" })).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByText("Tallennettu.")).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page);

            // A YAML error in course.yml: refused with its line, the text kept; then fixed.
            await page.GotoAsync("/Trainer/Courses/selainkoulutus/edit?path=course.yml");
            var good = await page.Locator("#file-text").InputValueAsync();
            await page.Locator("#file-text").FillAsync(good.Replace("hours: 14", "hours: [14"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Muutosta ei tallennettu");
            await Assertions.Expect(page.Locator("#file-problems")).ToContainTextAsync("Rivi");
            await Assertions.Expect(page.Locator("#file-problems")).ToContainTextAsync("YAML-virhe");
            Assert.Contains("hours: [14", await page.Locator("#file-text").InputValueAsync());
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await page.Locator("#file-text").FillAsync(good);
            await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Tallennettu.")).ToBeVisibleAsync();

            // An image uploaded, inserted with the Markdown the page offers, and seen in the preview.
            await page.GotoAsync("/Trainer/Courses/selainkoulutus");
            var image = Path.Combine(_courses.Path, "..", $"Kaavio {Guid.NewGuid():N}.png");
            await File.WriteAllBytesAsync(image, _png);
            await page.GetByLabel("Tiedosto", new() { Exact = true }).SetInputFilesAsync(image);
            await page.GetByRole(AriaRole.Button, new() { Name = "Lataa", Exact = true }).ClickAsync();
            var markdown = (await page.Locator("#insert-markdown").InputValueAsync()).Replace("Kuvaile kuva tähän", "Kanavakaavio");
            File.Delete(image);
            await page.GotoAsync("/Trainer/Courses/selainkoulutus/edit?path=01-aloitus/02-kanavan-valinta.md");
            var text = await page.Locator("#file-text").InputValueAsync();
            await ReplaceEditorTextAsync(page, text.Replace("Ensimmäinen versio oppitunnin tekstistä.", "Toinen versio.\n\n" + markdown));
            await page.GetByRole(AriaRole.Button, new() { Name = "Esikatsele" }).ClickAsync();
            var previewImage = page.Locator("#preview img[alt=Kanavakaavio]");
            await Assertions.Expect(previewImage).ToBeVisibleAsync();
            Assert.True(await previewImage.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 1"), "the uploaded image loads in the preview");
            await Assertions.Expect(page.Locator("#preview")).ToContainTextAsync("Mikä on synkroninen kanava?");
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Tallennettu.")).ToBeVisibleAsync();

            await page.GotoAsync("/Trainer/Courses/selainkoulutus/uploads");
            await Assertions.Expect(page.Locator("table.uploads-table")).ToContainTextAsync("Kaisa Kouluttaja");
            await Accessibility.AssertNoSeriousViolationsAsync(page);

            // The draft walked through as a participant: the quiz is scored, nothing recorded.
            await page.GotoAsync("/courses/selainkoulutus");
            await page.GetByRole(AriaRole.Link, new() { Name = "Käy koulutus läpi osallistujana (esikatselu)" }).ClickAsync();
            await Assertions.Expect(page.Locator("#walk-banner")).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Valmis, seuraavaan" }).ClickAsync();
            await page.Locator("#q-synkroninen-b").CheckAsync();
            await page.Locator("#quiz-valintavisa form button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator("#quiz-valintavisa-result")).ToContainTextAsync("Hyväksytty.");
            var draftImage = page.Locator(".lesson img[alt=Kanavakaavio]");
            await Assertions.Expect(draftImage).ToBeVisibleAsync();
            Assert.True(await draftImage.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 1"), "the draft's image loads for its editor");
            using (var scope = _site.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                Assert.Equal(0, await db.Enrollments.CountAsync() + await db.QuizAttempts.CountAsync() + await db.LessonCompletions.CountAsync());
            }

            await page.GotoAsync("/Trainer/Courses/selainkoulutus");
            await page.GetByRole(AriaRole.Button, new() { Name = "Julkaise" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Koulutus on julkaistu")).ToBeVisibleAsync();

            // The participant finds the published course and completes it.
            await using var participantContext = await browser.NewContextAsync(_site.BaseUrl);
            var participant = await participantContext.NewPageAsync();
            await participant.SignInAsync("osallistuja@example.fi");
            await participant.GotoAsync("/courses");
            await participant.GetByRole(AriaRole.Link, new() { Name = "Selainkoulutus" }).ClickAsync();
            await participant.GetByRole(AriaRole.Button, new() { Name = "Ilmoittaudu ja aloita" }).ClickAsync();
            await Assertions.Expect(participant.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Tervetuloa" })).ToBeVisibleAsync();
            await participant.Locator("form button[name=next]").ClickAsync();
            await Assertions.Expect(participant.GetByText("Toinen versio.")).ToBeVisibleAsync();
            await participant.Locator("#q-synkroninen-b").CheckAsync();
            await participant.Locator("#quiz-valintavisa form button[type=submit]").ClickAsync();
            await Assertions.Expect(participant.Locator("#quiz-valintavisa-result")).ToContainTextAsync("Hyväksytty.");
            await participant.Locator("form button[name=next]").ClickAsync();
            await Assertions.Expect(participant.GetByText("Suoritit koulutuksen")).ToBeVisibleAsync();
            using (var scope = _site.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                Assert.Equal(1, await db.CourseCompletions.CountAsync(c => c.UserId == participantUser.Id && c.CourseId == "selainkoulutus"));
            }

            // The trainer restores the lesson's first saved version; the participant sees that text again.
            await page.GotoAsync("/Trainer/Courses/selainkoulutus/history?path=01-aloitus/02-kanavan-valinta.md");
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            var rows = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "tallennus" });
            await Assertions.Expect(rows).ToHaveCountAsync(2);
            await rows.Last.GetByRole(AriaRole.Link).ClickAsync();
            await Assertions.Expect(page.Locator("table.diff")).ToContainTextAsync("Ensimmäinen versio oppitunnin tekstistä.");
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "tallennus" }).Last.GetByRole(AriaRole.Button).ClickAsync();
            await Assertions.Expect(page.GetByText("palautettiin")).ToBeVisibleAsync();

            await participant.GotoAsync("/courses/selainkoulutus/aloitus/kanavan-valinta");
            await Assertions.Expect(participant.GetByText("Ensimmäinen versio oppitunnin tekstistä.")).ToBeVisibleAsync();
            await Assertions.Expect(participant.GetByText("Toinen versio.")).ToHaveCountAsync(0);
        }
        catch
        {
            var shot = Path.Combine(Path.GetTempPath(), "trainer-workspace-failure.png");
            await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
            await File.WriteAllTextAsync(Path.ChangeExtension(shot, ".html"), await page.ContentAsync());
            throw;
        }
    }

    [Fact]
    public async Task The_insert_buttons_and_the_live_preview_work_with_the_keyboard()
    {
        Directory.CreateDirectory(Path.Combine(_courses.Path, "kurssi", "01-alku"));
        await File.WriteAllTextAsync(Path.Combine(_courses.Path, "kurssi", "course.yml"),
            "title: Pieni\nsummary: K.\nlanguage: fi\ncredits: 1\nhours: 27\nstatus: draft\neditors:\n  - kouluttaja@example.fi\noutcomes:\n  - O.\n");
        await File.WriteAllTextAsync(Path.Combine(_courses.Path, "kurssi", "01-alku", "module.yml"), "title: Alku\n");
        await File.WriteAllTextAsync(Path.Combine(_courses.Path, "kurssi", "01-alku", "01-eka.md"), "---\ntitle: Eka\nminutes: 1\n---\n\nAlku.\n");
        _site.Services.GetRequiredService<Web.Courses.CatalogHolder>().Reload();
        await TestUsers.CreateAsync(_site.Services, "kouluttaja@example.fi", "Kaisa Kouluttaja", Roles.Trainer);
        await using var context = await browser.NewContextAsync(_site.BaseUrl);
        var page = await context.NewPageAsync();
        await page.SignInAsync("kouluttaja@example.fi");

        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") { errors.Add(message.Text); } };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync("/Trainer/Courses/kurssi/edit?path=01-alku/01-eka.md");

        // The lesson's textarea became the vendored Markdown editor, labelled and reached by the same label.
        await Assertions.Expect(page.Locator(".EasyMDEContainer .CodeMirror")).ToBeVisibleAsync();
        var text = page.GetByLabel("Tiedoston teksti (Markdown tai YAML)");
        var source = page.Locator("#file-text");
        await text.FocusAsync();
        Assert.Equal("solid", await page.Locator(".CodeMirror").EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle")); // focus is visible
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.InsertTextAsync("\nKirjoitettu näppäimistöllä.\n");
        await page.Keyboard.PressAsync("Shift+Tab"); // back to the toolbar's last button
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Linkki oppituntiin" })).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tietovisa" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(text).ToBeFocusedAsync();
        await Assertions.Expect(source).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(":::: quiz uusi-visa"));
        Assert.Contains("Kirjoitettu näppäimistöllä.", await source.InputValueAsync());
        // No Preview click: the preview follows the typing.
        await Assertions.Expect(page.Locator("#preview")).ToContainTextAsync("Kirjoitettu näppäimistöllä.", new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("#preview")).ToContainTextAsync("Kysymys?");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        Assert.DoesNotContain("Kirjoitettu", await File.ReadAllTextAsync(Path.Combine(_courses.Path, "kurssi", "01-alku", "01-eka.md")));

        // Tab leaves the editor (no keyboard trap); Save posts the editor's text.
        await text.FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Tallenna" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByText("Tallennettu.")).ToBeVisibleAsync();
        Assert.Contains("Kirjoitettu näppäimistöllä.", await File.ReadAllTextAsync(Path.Combine(_courses.Path, "kurssi", "01-alku", "01-eka.md")));

        // YAML files keep the plain textarea and get no Markdown insert buttons.
        foreach (var yaml in new[] { "course.yml", "01-alku/module.yml" })
        {
            await page.GotoAsync($"/Trainer/Courses/kurssi/edit?path={yaml}");
            await page.WaitForLoadStateAsync(LoadState.Load);
            await Assertions.Expect(page.Locator("#file-text")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Toolbar)).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Tietovisa" })).ToHaveCountAsync(0);
        }

        Assert.True(errors.Count == 0, "Console errors (a CSP refusal shows here): " + string.Join("\n", errors));
    }

    [Fact]
    public async Task The_course_page_reorders_with_buttons_and_fits_a_phone()
    {
        Directory.CreateDirectory(Path.Combine(_courses.Path, "kurssi", "01-alku"));
        await File.WriteAllTextAsync(Path.Combine(_courses.Path, "kurssi", "course.yml"),
            "title: Pieni\nsummary: K.\nlanguage: fi\ncredits: 1\nhours: 27\nstatus: draft\neditors:\n  - kouluttaja@example.fi\noutcomes:\n  - O.\n");
        await File.WriteAllTextAsync(Path.Combine(_courses.Path, "kurssi", "01-alku", "module.yml"), "title: Alku\n");
        await File.WriteAllTextAsync(Path.Combine(_courses.Path, "kurssi", "01-alku", "01-eka.md"), "---\ntitle: Eka\nminutes: 1\n---\n\nAlku.\n");
        await File.WriteAllTextAsync(Path.Combine(_courses.Path, "kurssi", "01-alku", "02-toka.md"), "---\ntitle: Toka\nminutes: 1\n---\n\nToinen.\n");
        _site.Services.GetRequiredService<Web.Courses.CatalogHolder>().Reload();
        await TestUsers.CreateAsync(_site.Services, "kouluttaja@example.fi", "Kaisa Kouluttaja", Roles.Trainer);
        await using var context = await browser.NewContextAsync(_site.BaseUrl, phone: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync("kouluttaja@example.fi");
        await page.GotoAsync("/Trainer/Courses/kurssi");

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.AssertFitsTheScreenAsync(page.Url);
        await page.GetByRole(AriaRole.Button, new() { Name = "Alas: Eka" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Järjestys on tallennettu.")).ToBeVisibleAsync();
        Assert.True(File.Exists(Path.Combine(_courses.Path, "kurssi", "01-alku", "02-eka.md")));
        Assert.True(File.Exists(Path.Combine(_courses.Path, "kurssi", "01-alku", "01-toka.md")));
        await page.GotoAsync("/Trainer/Courses/kurssi/edit?path=01-alku/02-eka.md");
        await Assertions.Expect(page.Locator(".EasyMDEContainer .CodeMirror")).ToBeVisibleAsync();
        // The front matter's closing "---" does not turn "minutes: 1" into a heading (the lesson has none of its own).
        await Assertions.Expect(page.Locator(".CodeMirror-line .cm-atom", new() { HasText = "minutes:" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".CodeMirror-line .cm-header")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.AssertFitsTheScreenAsync("The editor");
    }

    [Fact]
    public async Task Two_trainers_saving_the_same_lesson_the_second_sees_both_versions_and_nothing_is_lost()
    {
        Directory.CreateDirectory(Path.Combine(_courses.Path, "kurssi", "01-alku"));
        await File.WriteAllTextAsync(Path.Combine(_courses.Path, "kurssi", "course.yml"),
            "title: Pieni\nsummary: K.\nlanguage: fi\ncredits: 1\nhours: 27\nstatus: draft\neditors:\n  - eka@example.fi\n  - toka@example.fi\noutcomes:\n  - O.\n");
        await File.WriteAllTextAsync(Path.Combine(_courses.Path, "kurssi", "01-alku", "module.yml"), "title: Alku\n");
        var lesson = Path.Combine(_courses.Path, "kurssi", "01-alku", "01-eka.md");
        await File.WriteAllTextAsync(lesson, "---\ntitle: Eka\nminutes: 1\n---\n\nAlku.\n");
        _site.Services.GetRequiredService<Web.Courses.CatalogHolder>().Reload();
        await TestUsers.CreateAsync(_site.Services, "eka@example.fi", "Eeva Eka", Roles.Trainer);
        await TestUsers.CreateAsync(_site.Services, "toka@example.fi", "Toni Toka", Roles.Trainer);
        await using var firstContext = await browser.NewContextAsync(_site.BaseUrl);
        await using var secondContext = await browser.NewContextAsync(_site.BaseUrl);
        var first = await firstContext.NewPageAsync();
        var second = await secondContext.NewPageAsync();
        await first.SignInAsync("eka@example.fi");
        await second.SignInAsync("toka@example.fi");
        await first.GotoAsync("/Trainer/Courses/kurssi/edit?path=01-alku/01-eka.md");
        await second.GotoAsync("/Trainer/Courses/kurssi/edit?path=01-alku/01-eka.md");

        await ReplaceEditorTextAsync(first, "---\ntitle: Eka\nminutes: 1\n---\n\nEnsimmäisen kouluttajan teksti.\n");
        await first.GetByRole(AriaRole.Button, new() { Name = "Tallenna" }).ClickAsync();
        await Assertions.Expect(first.GetByText("Tallennettu.")).ToBeVisibleAsync();
        await ReplaceEditorTextAsync(second, "---\ntitle: Eka\nminutes: 1\n---\n\nToisen kouluttajan teksti.\n");
        await second.GetByRole(AriaRole.Button, new() { Name = "Tallenna" }).ClickAsync();

        await Assertions.Expect(second.GetByRole(AriaRole.Alert)).ToContainTextAsync("Tiedosto on muuttunut sen jälkeen, kun avasit sen");
        await Assertions.Expect(second.Locator("#conflict-text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Ensimmäisen kouluttajan teksti."));
        await Assertions.Expect(second.Locator("#file-text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Toisen kouluttajan teksti."));
        Assert.Contains("Ensimmäisen kouluttajan teksti.", await File.ReadAllTextAsync(lesson));
        await Accessibility.AssertNoSeriousViolationsAsync(second);

        // Merged by hand in the editor and saved: checked against the version the conflict view showed.
        await ReplaceEditorTextAsync(second, "---\ntitle: Eka\nminutes: 1\n---\n\nEnsimmäisen kouluttajan teksti. Toisen kouluttajan teksti.\n");
        await second.GetByRole(AriaRole.Button, new() { Name = "Tallenna" }).ClickAsync();
        await Assertions.Expect(second.GetByText("Tallennettu.")).ToBeVisibleAsync();
        Assert.Contains("Ensimmäisen kouluttajan teksti. Toisen kouluttajan teksti.", await File.ReadAllTextAsync(lesson));
    }

    /// <summary>Replaces the Markdown editor's whole text the way a keyboard user would: select all, type.</summary>
    private static async Task ReplaceEditorTextAsync(IPage page, string text)
    {
        // The editor's editable element (its label changes in the conflict view: "your text").
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.Locator("#file-text-editor").FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.InsertTextAsync(text);
        // The form posts the textarea the editor keeps in step: wait until it holds the typed text before saving.
        await Assertions.Expect(page.Locator("#file-text")).ToHaveValueAsync(text);
    }
}
