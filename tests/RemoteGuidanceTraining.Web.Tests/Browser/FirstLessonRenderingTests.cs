using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Browser;

/// <summary>
/// The first lesson of every shipped course, read as a participant would on a phone and on a desktop.
/// Screenshots go to a temporary folder (never the repository) for a person to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class FirstLessonRenderingTests(BrowserFixture browser) : IAsyncLifetime
{
    public static readonly string ScreenshotFolder = Path.Combine(Path.GetTempPath(), "rgt-screenshots");

    private KestrelSite _site = null!;

    public async Task InitializeAsync() => _site = await KestrelSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_first_lesson_of_each_course_renders_cleanly(bool phone)
    {
        var courses = _site.Services.GetRequiredService<CatalogHolder>().Current.Courses;
        Assert.NotEmpty(courses);
        await TestUsers.CreateAsync(_site.Services, "lukija@example.fi", "Lea Lukija");
        await using var context = await browser.NewContextAsync(_site.BaseUrl, phone);
        var page = await context.NewPageAsync();
        await page.SignInAsync("lukija@example.fi");
        Directory.CreateDirectory(ScreenshotFolder);

        foreach (var course in courses)
        {
            await page.GotoAsync($"/courses/{course.Id}");
            await page.Locator("form button[type=submit]").Last.ClickAsync(); // enrol
            var lesson = course.Lessons.First();
            await page.GotoAsync($"/courses/{course.Id}/{lesson.ModuleId}/{lesson.Id}");

            var article = page.Locator("article.lesson");
            await Assertions.Expect(article.Locator("h1")).ToHaveTextAsync(lesson.Title);
            Assert.True(await article.Locator("h2").CountAsync() > 0, $"{course.Id}: no section headings");
            Assert.True(await article.Locator("ul, ol").CountAsync() > 0, $"{course.Id}: no lists");
            Assert.True(await article.Locator("table").CountAsync() > 0, $"{course.Id}: no table");
            Assert.True(await article.Locator(".markdown-alert").CountAsync() > 0, $"{course.Id}: no callout");
            Assert.DoesNotContain(":::", await article.InnerTextAsync());
            await page.AssertFitsTheScreenAsync(course.Id);
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"{course.Id}-{(phone ? "phone" : "desktop")}.png"), FullPage = true });
        }
    }
}
