using Microsoft.Playwright;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Browser;

/// <summary>
/// The task-review pages in Chromium at phone width: two participants submit a `review=required peer=1` task and
/// give each other feedback, the trainer filters the list, returns one answer with rubric feedback; axe-core finds
/// no serious violations on the lesson, the peer page, the task list and the answer page, and nothing is wider than
/// the screen.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class TaskReviewJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly TempFolder _courses = new();
    private KestrelSite _site = null!;

    public async Task InitializeAsync()
    {
        Write("kurssi/course.yml", "title: Arviointikurssi\nsummary: K.\nlanguage: fi\ncredits: 1\nhours: 27\noutcomes:\n  - O.\n");
        Write("kurssi/01-alku/module.yml", "title: Alku\n");
        Write("kurssi/01-alku/01-tyo.md", """
            ---
            title: Oma työ
            minutes: 5
            ---

            :::: task kartta minlength=40 review=required peer=1 peer-required=true title="Kanavakartta"
            Kuvaa palvelusi kanavat.

            ::: rubric
            - Kartassa on jokainen kanava.
            - Varasuunnitelma on kuvattu.
            :::
            ::::
            """);
        _site = await KestrelSite.StartAsync(new Dictionary<string, string?> { ["Courses:Folder"] = _courses.Path, ["Courses:Watch"] = "false" });
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _courses.Dispose();
    }

    [Fact]
    public async Task Submit_give_peer_feedback_return_with_rubric_feedback_all_without_serious_violations()
    {
        foreach (var (email, name) in new[] { ("aino@example.fi", "Aino Arvioitava"), ("bruno@example.fi", "Bruno Vertainen") })
        {
            await TestUsers.CreateAsync(_site.Services, email, name);
        }

        await TestUsers.CreateAsync(_site.Services, "kouluttaja@example.fi", "Kalle Kouluttaja", Roles.Trainer);
        foreach (var email in new[] { "aino@example.fi", "bruno@example.fi" })
        {
            await using var context = await browser.NewContextAsync(_site.BaseUrl, phone: true);
            var page = await context.NewPageAsync();
            await page.SignInAsync(email);
            await page.GotoAsync("/courses/kurssi");
            await page.GetByRole(AriaRole.Button, new() { Name = "Ilmoittaudu ja aloita" }).ClickAsync();
            await page.GotoAsync("/courses/kurssi/alku/tyo");
            await page.Locator("#task-kartta textarea").FillAsync($"Kanavakartta ({email}): chat, puhelin, video ja varasuunnitelmat.");
            await page.Locator("#task-kartta button[value=true]").ClickAsync();
            await Assertions.Expect(page.Locator("#task-kartta")).ToContainTextAsync("Odottaa kouluttajan palautetta.");
            await AssertFitsAndAccessibleAsync(page);
        }

        await using (var context = await browser.NewContextAsync(_site.BaseUrl, phone: true))
        {
            var page = await context.NewPageAsync();
            await page.SignInAsync("aino@example.fi");
            await page.GotoAsync("/courses/kurssi/alku/tyo");
            await page.GetByRole(AriaRole.Link, new() { Name = "Anna vertaispalautetta" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vastaus 1" })).ToBeVisibleAsync();
            await AssertFitsAndAccessibleAsync(page);
            // The task's prompt and criteria come under a heading of their own: no level is skipped (axe heading-order).
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Tehtävänanto" })).ToBeVisibleAsync();
            var levels = await page.EvalOnSelectorAllAsync<int[]>("main h1, main h2, main h3, main h4", "hs => hs.map(h => +h.tagName[1])");
            Assert.All(levels.Zip(levels.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1, $"h{pair.First} is followed by h{pair.Second}"));
            await page.GetByLabel("Palautteesi").FillAsync("Lyhyt.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lähetä palaute" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Kirjoita vähintään 20 merkkiä");
            await AssertFitsAndAccessibleAsync(page);
            await page.GetByLabel("Palautteesi").FillAsync("Selkeä kartta, varasuunnitelma puuttuu vielä.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lähetä palaute" }).ClickAsync();
            await Assertions.Expect(page.Locator(".peer-answer .status")).ToContainTextAsync("Palautteesi annettu");
        }

        await using (var context = await browser.NewContextAsync(_site.BaseUrl, phone: true))
        {
            var page = await context.NewPageAsync();
            await page.SignInAsync("kouluttaja@example.fi");
            await page.GotoAsync("/Trainer/Tasks");
            await page.GetByLabel("Koulutus").SelectOptionAsync("kurssi");
            await page.GetByRole(AriaRole.Button, new() { Name = "Näytä", Exact = true }).ClickAsync();
            await AssertFitsAndAccessibleAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Bruno Vertainen" }).ClickAsync();
            await Assertions.Expect(page.Locator(".peer-feedback")).ToContainTextAsync("Aino Arvioitava");
            await AssertFitsAndAccessibleAsync(page);
            await page.GetByLabel("Varasuunnitelma on kuvattu.").FillAsync("Puuttuu vielä.");
            await page.GetByLabel("Palautteesi osallistujalle").FillAsync("Hyvä pohja, täydennä varasuunnitelma.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Palauta korjattavaksi" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Palautetut kehittämistehtävät");
        }

        await using (var context = await browser.NewContextAsync(_site.BaseUrl, phone: true))
        {
            var page = await context.NewPageAsync();
            await page.SignInAsync("bruno@example.fi");
            await page.GotoAsync("/courses/kurssi/alku/tyo");
            await Assertions.Expect(page.Locator("#task-kartta")).ToContainTextAsync("Kouluttaja palautti tehtävän korjattavaksi");
            await Assertions.Expect(page.Locator("#task-kartta")).ToContainTextAsync("Selkeä kartta, varasuunnitelma puuttuu vielä.");
            await AssertFitsAndAccessibleAsync(page);
            await page.GotoAsync("/my-studies");
            await Assertions.Expect(page.Locator(".task-states")).ToContainTextAsync("Palautettu korjattavaksi");
            await AssertFitsAndAccessibleAsync(page);
        }
    }

    private static async Task AssertFitsAndAccessibleAsync(IPage page)
    {
        await page.AssertFitsTheScreenAsync(page.Url);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_courses.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
