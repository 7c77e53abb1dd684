using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Browser;

/// <summary>
/// The lesson editor does not lose a trainer's work: leaving with unsaved text asks first (not after saving), and an
/// insert button used before the editor was clicked puts its snippet after the front matter, not above it.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class WorkspaceEditorSafetyTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly TempFolder _courses = new();
    private KestrelSite _site = null!;

    private string Lesson => Path.Combine(_courses.Path, "kurssi", "01-alku", "01-eka.md");

    public async Task InitializeAsync()
    {
        _site = await KestrelSite.StartAsync(new Dictionary<string, string?>
        {
            ["Courses:Folder"] = _courses.Path,
            ["Courses:Watch"] = "false",
        });
        Directory.CreateDirectory(Path.Combine(_courses.Path, "kurssi", "01-alku"));
        await File.WriteAllTextAsync(Path.Combine(_courses.Path, "kurssi", "course.yml"),
            "title: Pieni\nsummary: K.\nlanguage: fi\ncredits: 1\nhours: 27\nstatus: draft\neditors:\n  - kouluttaja@example.fi\noutcomes:\n  - O.\n");
        await File.WriteAllTextAsync(Path.Combine(_courses.Path, "kurssi", "01-alku", "module.yml"), "title: Alku\n");
        await File.WriteAllTextAsync(Lesson, "---\ntitle: Eka\nminutes: 1\n---\n\nAlku.\n");
        _site.Services.GetRequiredService<Web.Courses.CatalogHolder>().Reload();
        await TestUsers.CreateAsync(_site.Services, "kouluttaja@example.fi", "Kaisa Kouluttaja", Roles.Trainer);
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _courses.Dispose();
    }

    [Fact]
    public async Task Leaving_with_unsaved_text_asks_first_and_after_saving_does_not()
    {
        await using var context = await browser.NewContextAsync(_site.BaseUrl);
        var page = await context.NewPageAsync();
        await page.SignInAsync("kouluttaja@example.fi");
        var asked = new List<string>();
        var firstQuestion = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        page.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Type);
            firstQuestion.TrySetResult(dialog.Type);
            await dialog.DismissAsync(); // "stay on the page"
        };
        await page.GotoAsync("/Trainer/Courses/kurssi/edit?path=01-alku/01-eka.md");
        await page.WaitForLoadStateAsync(LoadState.Load);
        var editorUrl = page.Url;

        await page.Locator("#file-text-editor").FocusAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.InsertTextAsync("Tärkeä lisäys.\n");
        await page.GetByRole(AriaRole.Link, new() { Name = "Versiot" }).ClickAsync();

        Assert.Equal("beforeunload", await firstQuestion.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(editorUrl, page.Url);
        Assert.Contains("Tärkeä lisäys.", await page.Locator("#file-text").InputValueAsync());

        // The form's own Save does not ask; once saved, leaving does not either.
        await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Tallennettu.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Versiot" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/history"));
        Assert.Single(asked);
        Assert.Contains("Tärkeä lisäys.", await File.ReadAllTextAsync(Lesson));
    }

    [Fact]
    public async Task An_insert_button_used_before_the_editor_was_clicked_puts_its_snippet_after_the_front_matter()
    {
        await using var context = await browser.NewContextAsync(_site.BaseUrl);
        var page = await context.NewPageAsync();
        await page.SignInAsync("kouluttaja@example.fi");
        await page.GotoAsync("/Trainer/Courses/kurssi/edit?path=01-alku/01-eka.md");
        await Assertions.Expect(page.Locator(".EasyMDEContainer .CodeMirror")).ToBeVisibleAsync();

        // A keyboard user: straight to the toolbar, the editor's cursor still at line 1.
        await page.GetByRole(AriaRole.Button, new() { Name = "Tehtävä", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        var text = page.Locator("#file-text");
        await Assertions.Expect(text).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(":::: task uusi-tehtava"));
        var value = await text.InputValueAsync();
        Assert.StartsWith("---\ntitle: Eka\nminutes: 1\n---\n\nAlku.\n\n", value);
        Assert.True(value.IndexOf("Alku.", StringComparison.Ordinal) < value.IndexOf(":::: task", StringComparison.Ordinal), value);

        await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Tallennettu.")).ToBeVisibleAsync();
        Assert.Contains(":::: task uusi-tehtava", await File.ReadAllTextAsync(Lesson));
    }
}
