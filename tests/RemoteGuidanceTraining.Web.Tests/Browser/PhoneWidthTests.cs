using Microsoft.Playwright;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tools;

namespace RemoteGuidanceTraining.Web.Tests.Browser;

/// <summary>
/// Every page a signed-in admin can open fits a 390 px phone: nothing makes the whole page scroll sideways (a wide
/// table scrolls inside its own box, which the keyboard can reach), and axe-core finds nothing serious there. The
/// shipped courses are served, so long source addresses and long Finnish words are the real ones.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PhoneWidthTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Course = "etaohjauksen-perusteet";
    private KestrelSite _site = null!;
    private string _adminId = "";

    public async Task InitializeAsync() => _site = await KestrelSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private static readonly string[] Pages =
    [
        "/", "/courses", $"/courses/{Course}", "/my-studies", "/Account/Manage", "/Account/Manage/Data", "/Account/Invitations",
        "/Admin/Users", "/Admin/Organisations", "/Admin/Audit", "/Coordination/Cohorts", $"/Coordination/Reports?course={Course}",
        $"/Coordination/Grid?course={Course}", "/Coordination/Funder", "/Coordination/Mail", "/Coordination/Certificates",
        "/Trainer/Courses", "/Trainer/Tasks", "/Trainer/CourseProblems", $"/Trainer/Courses/{Course}", "/verkosto", "/saavutettavuus",
        "/tietosuoja", "/verify",
    ];

    // A person's progress in a course, as a coordinator opens it from the report (the admin's own, with one lesson read).
    private string ProgressPage => $"/Coordination/Progress/{Course}/{_adminId}";

    [Fact]
    public async Task Pages_do_not_scroll_sideways_on_a_390_px_phone()
    {
        await using var context = await browser.NewContextAsync(_site.BaseUrl, phone: true);
        var page = await AdminWithALessonReadAsync(context);

        var tooWide = new List<string>();
        foreach (var url in Pages.Append(ProgressPage))
        {
            var response = await page.GotoAsync(url);
            Assert.True(response!.Ok, $"{url} answered {response.Status}.");
            try
            {
                await page.AssertFitsTheScreenAsync(url);
            }
            catch (Xunit.Sdk.XunitException e)
            {
                tooWide.Add(e.Message);
            }
        }

        Assert.True(tooWide.Count == 0, string.Join("; ", tooWide));
    }

    /// <summary>Swedish has the longest compound words in the headings (the accessibility statement's h1 overflowed).</summary>
    [Fact]
    public async Task Public_pages_in_Swedish_do_not_scroll_sideways_on_a_390_px_phone()
    {
        await using var context = await browser.NewContextAsync(_site.BaseUrl, phone: true, locale: "sv-SE");
        var page = await context.NewPageAsync();

        var tooWide = new List<string>();
        foreach (var url in new[] { "/saavutettavuus", "/tietosuoja", "/", "/courses", $"/courses/{Course}", "/Account/Register", "/verify" })
        {
            var response = await page.GotoAsync(url);
            Assert.True(response!.Ok, $"{url} answered {response.Status}.");
            Assert.Equal("sv", await page.Locator("html").GetAttributeAsync("lang"));
            try
            {
                await page.AssertFitsTheScreenAsync(url);
            }
            catch (Xunit.Sdk.XunitException e)
            {
                tooWide.Add(e.Message);
            }
        }

        await page.GotoAsync("/saavutettavuus");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tillgänglighetsutlåtande");
        Assert.True(tooWide.Count == 0, string.Join("; ", tooWide));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Pages_have_no_serious_axe_violations_on_a_phone_or_a_desktop(bool phone)
    {
        await using var context = await browser.NewContextAsync(_site.BaseUrl, phone);
        var page = await AdminWithALessonReadAsync(context);

        var failures = new List<string>();
        foreach (var url in Pages.Append(ProgressPage))
        {
            await page.GotoAsync(url);
            try
            {
                await Accessibility.AssertNoSeriousViolationsAsync(page);
            }
            catch (Xunit.Sdk.XunitException e)
            {
                failures.Add(e.Message);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// The report's charts keep their labels readable on a phone (an SVG scaled to 390 px shrank them to 5–6 px): each
    /// chart scrolls sideways in its own labelled box the keyboard reaches, and the tables beside them break no word.
    /// </summary>
    [Fact]
    public async Task The_report_charts_labels_stay_legible_on_a_390_px_phone_and_no_table_breaks_a_word()
    {
        await using var context = await browser.NewContextAsync(_site.BaseUrl, phone: true);
        var page = await AdminWithALessonReadAsync(context);
        await page.GotoAsync($"/Coordination/Reports?course={Course}");

        // The font size as drawn: the label's own size times the scale the SVG is drawn at.
        var sizes = await page.Locator(".chart-label").EvaluateAllAsync<double[]>(
            "labels => labels.map(l => parseFloat(getComputedStyle(l).fontSize) * l.ownerSVGElement.getScreenCTM().a)");
        Assert.NotEmpty(sizes);
        Assert.True(sizes.Min() >= 11, $"The smallest chart label is drawn at {sizes.Min():0.#} px.");

        // A word split over two lines has two boxes.
        var broken = await page.Locator(".chart-table th").EvaluateAllAsync<string[]>(@"cells => cells.flatMap(cell => {
            const words = [];
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                for (const match of node.data.matchAll(/\S+/g)) {
                    const range = document.createRange();
                    range.setStart(node, match.index);
                    range.setEnd(node, match.index + match[0].length);
                    const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                    if (lines.size > 1) words.push(match[0]);
                }
            }
            return words;
        })");
        Assert.True(broken.Length == 0, "Broken mid-word: " + string.Join(", ", broken));

        foreach (var chart in new[] { "Kuinka pitkälle osallistujat ovat edenneet osioittain", "Vaatimukset järjestyksessä: montako on edennyt kunkin vaiheen ohi", "Suoritukset kuukausittain (12 kuukautta)" })
        {
            var region = page.GetByRole(AriaRole.Region, new() { Name = "Kaavio: " + chart, Exact = true });
            await region.FocusAsync();
            await Assertions.Expect(region).ToBeFocusedAsync();
        }

        await page.AssertFitsTheScreenAsync("report");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    /// <summary>
    /// The course with ten quizzes, with generated people who passed them: a report row stays shorter than half the
    /// phone's screen (a list of best scores in one cell made it 700 px tall), no chart label runs into its bar, and
    /// the report and a person's progress page fit the screen and pass axe.
    /// </summary>
    [Fact]
    public async Task A_report_with_many_quizzes_and_a_persons_progress_fit_a_390_px_phone()
    {
        const string manyQuizzes = "alueellinen-verkosto-ohjaus";
        await using var context = await browser.NewContextAsync(_site.BaseUrl, phone: true);
        var page = await AdminWithALessonReadAsync(context);
        Assert.Equal(0, await LoadDataGenerator.RunAsync(_site.Services,
            ["generate-data", "--participants", "25", "--courses", "5", LoadDataGenerator.IntoExistingDatabase], new StringWriter()));

        await page.GotoAsync($"/Coordination/Reports?course={manyQuizzes}");
        var rows = page.Locator(".report-table tbody tr");
        var scored = await rows.EvaluateAllAsync<int[]>("rows => rows.map(r => (r.textContent.match(/\\d+\\s%/g) || []).length)");
        Assert.True(scored.Max() >= 8, $"No row has more than {scored.Max()} percentages: the data set does not show the fault.");
        var tallest = await rows.EvaluateAllAsync<double>("rows => Math.max(...rows.map(r => r.getBoundingClientRect().height))");
        Assert.True(tallest <= 422, $"The tallest report row is {tallest:0} px on an 844 px screen.");

        // In the SVG's own units: the bars start at x = 250.
        var intoBars = await page.Locator(".chart-label").EvaluateAllAsync<string[]>(
            "labels => labels.filter(l => { const b = l.getBBox(); return b.x + b.width > 248; }).map(l => l.textContent)");
        Assert.True(intoBars.Length == 0, "Labels run into their bars: " + string.Join(", ", intoBars));
        await page.AssertFitsTheScreenAsync("report");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await rows.Nth(Array.IndexOf(scored, scored.Max())).Locator("th a").ClickAsync();
        var quizzes = page.GetByRole(AriaRole.Region, new() { Name = "Tietovisat", Exact = true });
        await Assertions.Expect(quizzes).ToBeVisibleAsync();
        Assert.True(await quizzes.Locator("tbody tr").CountAsync() >= 8);
        await page.AssertFitsTheScreenAsync("progress");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    /// <summary>A cohort with more people than one page holds: its pager and search fit a phone, pass axe and work from the keyboard.</summary>
    [Fact]
    public async Task A_paged_cohort_page_fits_a_390_px_phone_passes_axe_and_pages_from_the_keyboard()
    {
        var coordinator = await TestUsers.CreateAsync(_site.Services, "koordinaattori@example.fi", "Kaarina Koordinaattori", Roles.Coordinator);
        await TestOrganisations.CoordinateAsync(_site.Services, coordinator.Id, "Lapin ammattiopisto", "lappi");
        await using var context = await browser.NewContextAsync(_site.BaseUrl, phone: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync("koordinaattori@example.fi");
        await page.GotoAsync("/Coordination/Cohorts");
        await page.GetByLabel("Ryhmän nimi").FillAsync("Suuri ryhmä");
        await page.GetByRole(AriaRole.Button, new() { Name = "Luo ryhmä" }).ClickAsync();
        await page.GetByLabel("Tai kirjoita osoitteet").FillAsync(string.Join('\n', Enumerable.Range(1, 60).Select(i => $"kutsuttu{i:00}@example.fi;Kutsuttu Pitkänimisenä-Henkilönä {i:00}")));
        await page.GetByRole(AriaRole.Button, new() { Name = "Lisää", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Sivu 1/2")).ToBeVisibleAsync();
        await page.AssertFitsTheScreenAsync("cohort page 1");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Seuraava sivu" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByText("Sivu 2/2")).ToBeVisibleAsync();
        Assert.Contains("PendingPage=2", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Kutsuttu Pitkänimisenä-Henkilönä 60" })).ToBeVisibleAsync();

        await page.GetByLabel("Hae ryhmästä nimellä tai sähköpostilla").FillAsync("KUTSUTTU07");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByText("Hakua vastaa 1.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "kutsuttu07@example.fi" })).ToBeVisibleAsync();
        await page.AssertFitsTheScreenAsync("cohort search");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    // An admin (who may open every page) enrolled with one lesson read, so the report has its funnel and the grid a row.
    private async Task<IPage> AdminWithALessonReadAsync(IBrowserContext context)
    {
        _adminId = (await TestUsers.CreateAsync(_site.Services, "admin@example.fi", "Anna Admin", Roles.Admin)).Id;
        var page = await context.NewPageAsync();
        await page.SignInAsync("admin@example.fi");
        await page.GotoAsync($"/courses/{Course}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ilmoittaudu ja aloita" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Merkitse luetuksi" }).First.ClickAsync();
        await Assertions.Expect(page.GetByText("Valmis").First).ToBeVisibleAsync();
        return page;
    }
}
