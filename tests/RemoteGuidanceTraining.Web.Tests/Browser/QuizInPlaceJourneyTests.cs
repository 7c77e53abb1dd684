using Microsoft.Playwright;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Browser;

/// <summary>
/// Answering a quiz with JavaScript (quiz.js) on a phone: the result comes in place of the quiz, with focus on it,
/// and a task's unsaved text on the same lesson stays. Whenever the answer cannot be shown in place the form is sent
/// the ordinary way. Without JavaScript the quiz is a plain form (QuizPageTests and the other Learning tests).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class QuizInPlaceJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Lesson = "/courses/kurssi/alku/kanavat";
    private const string Typed = "Kanavakartta kesken: chat arkisin, puhelin ja video sopimuksen mukaan.";
    private const string QuizLesson = """
        ---
        title: Kanavat
        minutes: 10
        ---

        Tekstiä kanavista.

        :::: quiz visa
        ::: question synkroninen
        Mikä on synkroninen kanava?

        - [ ] Sähköposti
        - [x] Video

        Video on reaaliaikainen.
        :::
        ::::
        """;

    private readonly TempFolder _courses = new();
    private KestrelSite _site = null!;

    public async Task InitializeAsync()
    {
        Write("kurssi/course.yml", "title: Visakurssi\nsummary: K.\nlanguage: fi\ncredits: 1\nhours: 27\noutcomes:\n  - O.\n");
        Write("kurssi/01-alku/module.yml", "title: Alku\n");
        Write("kurssi/01-alku/01-kanavat.md", QuizLesson + "\n\n::: task kartta minlength=40\nKuvaa palvelusi kanavat.\n:::\n");
        // A course whose quiz is the last requirement once its only lesson is read.
        Write("lyhyt/course.yml", "title: Lyhyt kurssi\nsummary: K.\nlanguage: fi\ncredits: 1\nhours: 27\noutcomes:\n  - O.\n");
        Write("lyhyt/01-alku/module.yml", "title: Alku\n");
        Write("lyhyt/01-alku/01-kanavat.md", QuizLesson);
        _site = await KestrelSite.StartAsync(new Dictionary<string, string?> { ["Courses:Folder"] = _courses.Path, ["Courses:Watch"] = "false" });
        await TestUsers.CreateAsync(_site.Services, "visailija@example.fi", "Ville Visailija");
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _courses.Dispose();
    }

    [Fact]
    public async Task The_result_comes_in_place_with_focus_and_the_typed_task_text_stays()
    {
        await using var context = await browser.NewContextAsync(_site.BaseUrl, phone: true);
        var page = await EnrolledOnTheLessonAsync(context);
        var posts = 0;
        page.Request += (_, request) => posts += request.Method == "POST" && request.Url.Contains("handler=Quiz", StringComparison.Ordinal) ? 1 : 0;
        await Assertions.Expect(page.Locator("#lesson-state")).ToContainTextAsync("Aloittamatta");
        await page.Locator("#task-kartta-text").FillAsync(Typed);
        await MarkThisDocumentAsync(page);

        await page.GetByLabel("Sähköposti").CheckAsync();
        await page.Locator("#quiz-visa button[type=submit]").ClickAsync();

        var result = page.Locator("#quiz-visa-result");
        await Assertions.Expect(result).ToContainTextAsync("Ei vielä hyväksytty");
        await Assertions.Expect(result).ToBeFocusedAsync();
        await Assertions.Expect(result).ToBeInViewportAsync();
        await Assertions.Expect(page.Locator("#quiz-visa .feedback.incorrect")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#lesson-state")).ToContainTextAsync("Kesken");
        await Assertions.Expect(page.Locator("#task-kartta-text")).ToHaveValueAsync(Typed);
        Assert.True(await IsTheSameDocumentAsync(page), "The lesson was loaded again: what was typed in the task could have been lost.");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Video").CheckAsync();
        await page.Locator("#quiz-visa button[type=submit]").DblClickAsync();

        await Assertions.Expect(result).ToContainTextAsync("Hyväksytty.");
        await Assertions.Expect(result).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#quiz-visa .feedback.correct")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#task-kartta-text")).ToHaveValueAsync(Typed);
        Assert.True(await IsTheSameDocumentAsync(page));
        Assert.Equal(2, posts); // one wrong answer, and the double click sent the right one once
        await page.AssertFitsTheScreenAsync("the lesson after the quiz");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task A_lesson_opened_with_a_trailing_slash_takes_its_answer_in_place_and_sends_it_once()
    {
        await using var context = await browser.NewContextAsync(_site.BaseUrl, phone: true);
        var page = await EnrolledOnTheLessonAsync(context);
        await page.GotoAsync(Lesson + "/");
        var posts = 0;
        page.Request += (_, request) => posts += request.Method == "POST" && request.Url.Contains("handler=Quiz", StringComparison.Ordinal) ? 1 : 0;
        await MarkThisDocumentAsync(page);

        await page.GetByLabel("Sähköposti").CheckAsync();
        await page.Locator("#quiz-visa button[type=submit]").ClickAsync();

        // The answer comes back from the address without the slash: still this lesson, so not sent a second time.
        await Assertions.Expect(page.Locator("#quiz-visa-result")).ToContainTextAsync("Ei vielä hyväksytty");
        Assert.True(await IsTheSameDocumentAsync(page), "The answer was sent again the ordinary way.");
        Assert.Equal(1, posts);
    }

    [Fact]
    public async Task An_answer_that_cannot_be_shown_in_place_is_sent_the_ordinary_way()
    {
        await using var context = await browser.NewContextAsync(_site.BaseUrl, phone: true);
        var page = await EnrolledOnTheLessonAsync(context);
        // The network drops the enhanced request; the ordinary form submit that follows gets through.
        await page.RouteAsync("**/*handler=Quiz*", route => route.Request.ResourceType == "fetch" ? route.AbortAsync() : route.ContinueAsync());
        await MarkThisDocumentAsync(page);

        await page.GetByLabel("Sähköposti").CheckAsync();
        await page.Locator("#quiz-visa button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator("#quiz-visa-result")).ToContainTextAsync("Ei vielä hyväksytty");
        Assert.False(await IsTheSameDocumentAsync(page)); // the lesson was loaded again, as without JavaScript
        await page.UnrouteAllAsync();

        // The session ended while the lesson was open: the sign-in page comes back, not a lesson to take a quiz from.
        await context.ClearCookiesAsync();
        await page.GetByLabel("Video").CheckAsync();
        await page.Locator("#quiz-visa button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByLabel("Sähköpostiosoite")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_answer_that_completes_the_course_brings_the_news_and_focus_to_it()
    {
        await using var context = await browser.NewContextAsync(_site.BaseUrl, phone: true);
        var page = await EnrolledOnTheLessonAsync(context, "lyhyt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Merkitse luetuksi" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Oppitunti merkitty luetuksi.")).ToBeVisibleAsync();
        await MarkThisDocumentAsync(page);

        await page.GetByLabel("Video").CheckAsync();
        await page.Locator("#quiz-visa button[type=submit]").ClickAsync();

        var news = page.Locator(".course-completed");
        await Assertions.Expect(news).ToContainTextAsync("Koulutus suoritettu!");
        await Assertions.Expect(news).ToBeFocusedAsync();
        await Assertions.Expect(news).ToBeInViewportAsync();
        await Assertions.Expect(page.GetByText("Oppitunti merkitty luetuksi.")).ToHaveCountAsync(0); // the earlier request's message went
        await Assertions.Expect(page.Locator("#quiz-visa-result")).ToContainTextAsync("Hyväksytty.");
        await Assertions.Expect(page.Locator("#lesson-state")).ToContainTextAsync("Valmis");
        Assert.True(await IsTheSameDocumentAsync(page));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    private async Task<IPage> EnrolledOnTheLessonAsync(IBrowserContext context, string course = "kurssi")
    {
        var page = await context.NewPageAsync();
        await page.SignInAsync("visailija@example.fi");
        await page.GotoAsync($"/courses/{course}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ilmoittaudu ja aloita" }).ClickAsync();
        await page.GotoAsync(Lesson.Replace("kurssi", course, StringComparison.Ordinal));
        return page;
    }

    // A property of the window object: it is gone as soon as the browser loads the page again.
    private static Task MarkThisDocumentAsync(IPage page) => page.EvaluateAsync("() => { window.rgtSameDocument = true; }");

    private static Task<bool> IsTheSameDocumentAsync(IPage page) => page.EvaluateAsync<bool>("() => window.rgtSameDocument === true");

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_courses.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
