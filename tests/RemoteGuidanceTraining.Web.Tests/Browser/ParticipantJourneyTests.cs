using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Browser;

/// <summary>A new participant takes a whole shipped course on a phone, failing a quiz once, to "completed".</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ParticipantJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private KestrelSite _site = null!;

    public async Task InitializeAsync() => _site = await KestrelSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task A_new_user_completes_a_shipped_course_with_a_failed_quiz_and_a_retry()
    {
        var course = _site.Services.GetRequiredService<CatalogHolder>().Current.Courses.MinBy(c => c.Lessons.Count())!;
        await TestUsers.CreateAsync(_site.Services, "osallistuja@example.fi", "Outi Ösallistuja");
        await using var context = await browser.NewContextAsync(_site.BaseUrl, phone: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync("osallistuja@example.fi");

        await page.GotoAsync("/courses");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = course.Title }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ilmoittaudu ja aloita" }).ClickAsync();

        var failedOnce = false;
        try
        {
        foreach (var lesson in course.Lessons)
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = lesson.Title })).ToBeVisibleAsync();
            await page.AssertFitsTheScreenAsync(lesson.Id);
            foreach (var quiz in lesson.Quizzes)
            {
                if (!failedOnce)
                {
                    await AnswerAsync(page, quiz, correctly: false);
                    await Assertions.Expect(page.Locator($"#quiz-{quiz.Id}-result")).ToContainTextAsync("Ei vielä hyväksytty");
                    await Accessibility.AssertNoSeriousViolationsAsync(page);
                    Directory.CreateDirectory(FirstLessonRenderingTests.ScreenshotFolder);
                    await page.Locator($"#quiz-{quiz.Id}").ScreenshotAsync(new() { Path = Path.Combine(FirstLessonRenderingTests.ScreenshotFolder, "quiz-after-a-failed-attempt-phone.png") });
                    failedOnce = true;
                }

                await AnswerAsync(page, quiz, correctly: true);
                await Assertions.Expect(page.Locator($"#quiz-{quiz.Id}-result")).ToContainTextAsync("Hyväksytty.");
            }

            foreach (var task in lesson.Tasks)
            {
                await page.Locator($"#task-{task.Id} textarea").FillAsync(AnswerText(task.MinLength));
                await page.Locator($"#task-{task.Id} button[value=true]").ClickAsync();
                await Assertions.Expect(page.Locator($"#task-{task.Id}")).ToContainTextAsync("Palautettu");
            }

            await page.Locator("form button[name=next]").ClickAsync();
        }
        }
        catch
        {
            // Keep what the browser showed when it failed, for whoever reads the test log.
            var shot = Path.Combine(Path.GetTempPath(), "participant-journey-failure.png");
            await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
            await File.WriteAllTextAsync(Path.ChangeExtension(shot, ".html"), await page.ContentAsync());
            throw;
        }

        await Assertions.Expect(page.GetByText("Suoritit koulutuksen")).ToBeVisibleAsync();
        await page.GotoAsync("/my-studies");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Suoritetut" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Lataa todistus (PDF)" })).ToBeVisibleAsync();
        var mail = await _site.Mailbox.WaitForAsync("osallistuja@example.fi", m => m.Attachments.Any());
        Assert.Contains(course.Title, mail.Subject);
    }

    private static async Task AnswerAsync(IPage page, Quiz quiz, bool correctly)
    {
        foreach (var question in quiz.Questions)
        {
            if (question.Type == QuestionType.Text)
            {
                await page.Locator($"#q-{question.Id}-text").FillAsync(correctly ? question.AcceptedAnswers[0] : "väärä vastaus");
                continue;
            }

            foreach (var option in question.Options)
            {
                var box = page.Locator($"#q-{question.Id}-{option.Id}");
                var choose = correctly ? option.IsCorrect : !option.IsCorrect && option == question.Options.First(o => !o.IsCorrect);
                if (question.Type == QuestionType.Multiple)
                {
                    await box.SetCheckedAsync(choose);
                }
                else if (choose)
                {
                    await box.CheckAsync();
                }
            }
        }

        await page.Locator($"#quiz-{quiz.Id} form button[type=submit]").ClickAsync();
    }

    private static string AnswerText(int minLength) =>
        string.Concat(Enumerable.Repeat("Omassa työssäni kokeilen tätä chat-ohjauksessa ja arvioin tulokset kollegan kanssa. ", (minLength / 80) + 2));
}
