using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Learning;

/// <summary>
/// SQL commands per request, counted with an EF Core interceptor so that per-view writes, whole-progress reloads
/// and per-course queries cannot creep back into the participant's pages.
/// </summary>
public sealed partial class SqlCommandCountTests : IDisposable
{
    private readonly LearningSite _learning = new();
    private readonly WebApplicationFactory<Program> _site;

    public SqlCommandCountTests() => _site = _learning.Site.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<SqlCommandCounter>();
        services.ConfigureDbContext<AppDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<SqlCommandCounter>()));
        // On PostgreSQL the site registers its provider's own context type; count its commands the same way.
        services.ConfigureDbContext<Web.Data.Postgres.PostgresAppDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<SqlCommandCounter>()));
    }));

    public void Dispose()
    {
        _site.Dispose();
        _learning.Dispose();
    }

    [Fact]
    public async Task A_lesson_page_takes_at_most_three_commands_and_writes_only_when_the_lesson_changes()
    {
        var client = await ParticipantAsync();
        await client.PostFormAsync("/courses/kurssi/alku/kanavat?handler=Quiz",
            new Dictionary<string, string> { ["quizId"] = "kanavavisa", ["q.synkroninen"] = "a" }, formUrl: "/courses/kurssi/alku/kanavat");
        await client.PostFormAsync("/courses/kurssi/alku/oma-tyo?handler=Task",
            new Dictionary<string, string> { ["taskId"] = "kanavakartta", ["text"] = "Luonnos", ["submit"] = "false" }, formUrl: "/courses/kurssi/alku/oma-tyo");

        var (first, firstCommands) = await CountAsync(client, HttpMethod.Get, "/courses/kurssi/alku/kanavat");
        var (again, againCommands) = await CountAsync(client, HttpMethod.Get, "/courses/kurssi/alku/kanavat");
        var (task, taskCommands) = await CountAsync(client, HttpMethod.Get, "/courses/kurssi/alku/oma-tyo");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Ei vielä hyväksytty", await first.Content.ReadAsStringAsync()); // the attempt is read and shown
        Assert.Contains("Luonnos", await task.Content.ReadAsStringAsync()); // and the draft
        Assert.InRange(firstCommands.Count, 1, 3);
        Assert.InRange(taskCommands.Count, 1, 3);
        Assert.Equal(2, firstCommands.Count); // the enrolment with this lesson's quiz results, one "last visited" update
        Assert.Single(againCommands); // the same lesson again: the one read, nothing written
        Assert.DoesNotContain(againCommands, IsWrite);
        Assert.Single(firstCommands, IsWrite); // moved to another lesson: one "last visited" update
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task A_lesson_with_a_peer_feedback_task_reads_history_with_the_answers_and_stays_at_three()
    {
        _learning.Write("kurssi/01-alku/02-oma-tyo.md", "---\ntitle: Oma työ\nminutes: 10\n---\n\n::: task kanavakartta minlength=40 peer=2 review=required\nKuvaa palvelusi kanavat.\n:::\n");
        _site.Services.GetRequiredService<CatalogHolder>().Reload();
        var client = await ParticipantAsync();
        await client.PostFormAsync("/courses/kurssi/alku/oma-tyo?handler=Task",
            new Dictionary<string, string> { ["taskId"] = "kanavakartta", ["text"] = LearningSite.LongAnswer, ["submit"] = "true" }, formUrl: "/courses/kurssi/alku/oma-tyo");
        await client.GetAsync("/courses/kurssi/alku/kanavat");

        var (first, firstCommands) = await CountAsync(client, HttpMethod.Get, "/courses/kurssi/alku/oma-tyo");
        var (_, againCommands) = await CountAsync(client, HttpMethod.Get, "/courses/kurssi/alku/oma-tyo");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Vertaispalaute", await first.Content.ReadAsStringAsync());
        Assert.Equal(3, firstCommands.Count); // the enrolment with the answers, their history and peer feedback, "last visited"
        Assert.Equal(2, againCommands.Count);
        Assert.DoesNotContain(againCommands, IsWrite);
    }

    [Fact]
    public async Task A_task_answer_without_history_is_read_plainly_and_a_revised_one_with_its_versions()
    {
        var client = await ParticipantAsync();
        var submit = new Dictionary<string, string> { ["taskId"] = "kanavakartta", ["text"] = LearningSite.LongAnswer, ["submit"] = "true" };
        await client.PostFormAsync("/courses/kurssi/alku/oma-tyo?handler=Task", submit, formUrl: "/courses/kurssi/alku/oma-tyo");
        await client.GetAsync("/courses/kurssi/alku/oma-tyo");

        var (once, onceCommands) = await CountAsync(client, HttpMethod.Get, "/courses/kurssi/alku/oma-tyo");
        await client.PostFormAsync("/courses/kurssi/alku/oma-tyo?handler=Task",
            new Dictionary<string, string>(submit) { ["text"] = LearningSite.LongAnswer + " Toinen versio." }, formUrl: "/courses/kurssi/alku/oma-tyo");
        var (twice, twiceCommands) = await CountAsync(client, HttpMethod.Get, "/courses/kurssi/alku/oma-tyo");

        // One submitted version: the answer row comes with the enrolment; versions, feedback and peer reviews are not read.
        Assert.Single(onceCommands);
        Assert.DoesNotContain("TaskAnswerVersions", onceCommands[0], StringComparison.Ordinal);
        Assert.DoesNotContain("task-history", await once.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // A second version: the answer row shows it, so the history is read too and the page lists both versions.
        Assert.Equal(2, twiceCommands.Count);
        Assert.Contains("TaskAnswerVersions", twiceCommands[1], StringComparison.Ordinal);
        Assert.Contains("Versiot ja palautteet (versioita 2, kouluttajan palautteita 0)", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quiz_post_takes_at_most_six_commands_and_a_completing_one_only_adds_the_completion()
    {
        var client = await ParticipantAsync();
        var (wrong, wrongCommands) = await PostAsync(client, "/courses/kurssi/alku/kanavat?handler=Quiz",
            new Dictionary<string, string> { ["quizId"] = "kanavavisa", ["q.synkroninen"] = "a" }, "/courses/kurssi/alku/kanavat");
        Assert.Equal(HttpStatusCode.Redirect, wrong.StatusCode);
        Assert.InRange(wrongCommands.Count, 1, 6);
        // read the enrolment with the quiz's result, insert the attempt and the result, update the enrolment, count requirements
        Assert.Equal(5, wrongCommands.Count);
        Assert.StartsWith("INSERT INTO \"QuizResults\"", wrongCommands[2].TrimStart(), StringComparison.Ordinal);

        await client.PostFormAsync("/courses/kurssi/alku/kanavat?handler=Done", new Dictionary<string, string>(), formUrl: "/courses/kurssi/alku/kanavat");
        await client.PostFormAsync("/courses/kurssi/alku/oma-tyo?handler=Task",
            new Dictionary<string, string> { ["taskId"] = "kanavakartta", ["text"] = LearningSite.LongAnswer, ["submit"] = "true" }, formUrl: "/courses/kurssi/alku/oma-tyo");
        await client.PostFormAsync("/courses/kurssi/alku/oma-tyo?handler=Done", new Dictionary<string, string>(), formUrl: "/courses/kurssi/alku/oma-tyo");
        var (right, rightCommands) = await PostAsync(client, "/courses/kurssi/alku/kanavat?handler=Quiz",
            new Dictionary<string, string> { ["quizId"] = "kanavavisa", ["q.synkroninen"] = "b" }, "/courses/kurssi/alku/kanavat");

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(1, await CompletionsAsync());
        var completion = rightCommands.Skip(wrongCommands.Count).ToList();
        // The same work first (a second attempt updates the quiz result where the first inserted it)…
        Assert.StartsWith("UPDATE \"QuizResults\"", rightCommands[2].TrimStart(), StringComparison.Ordinal);
        Assert.Equal(wrongCommands.Select(Shape).Where((_, i) => i != 2), rightCommands.Take(wrongCommands.Count).Select(Shape).Where((_, i) => i != 2));
        Assert.Contains(completion, c => c.Contains("INSERT INTO \"CourseCompletions\"", StringComparison.Ordinal)); // …then the completion
        Assert.Contains(completion, c => c.Contains("INSERT INTO \"Certificates\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retrying_a_quiz_adds_no_commands_and_the_page_shows_the_last_attempt_with_the_best_score()
    {
        var client = await ParticipantAsync();
        const string lesson = "/courses/kurssi/alku/kanavat";
        await PostAsync(client, lesson + "?handler=Quiz", new Dictionary<string, string> { ["quizId"] = "kanavavisa", ["q.synkroninen"] = "b" }, lesson);
        var (_, onceCommands) = await CountAsync(client, HttpMethod.Get, lesson);
        for (var i = 0; i < 5; i++)
        {
            await PostAsync(client, lesson + "?handler=Quiz", new Dictionary<string, string> { ["quizId"] = "kanavavisa", ["q.synkroninen"] = "a" }, lesson);
        }

        var (page, commands) = await CountAsync(client, HttpMethod.Get, lesson);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(onceCommands.Count, commands.Count); // six attempts cost the page what one did
        Assert.Single(commands);
        Assert.Contains("Viimeisin yrityksesi: oikein 0/1", html, StringComparison.Ordinal); // the last attempt was wrong…
        Assert.Contains("Paras tuloksesi: 100 %", html, StringComparison.Ordinal); // …the best one counts
        Assert.Contains("<strong>Hyväksytty.</strong>", html, StringComparison.Ordinal);
        using var scope = _site.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<AppDbContext>().QuizResults.SingleAsync();
        Assert.Equal((100, true, 6), (result.BestScorePercent, result.Passed, result.Attempts));
        var last = await scope.ServiceProvider.GetRequiredService<AppDbContext>().QuizAttempts.MaxAsync(a => a.Id);
        Assert.Equal(last, result.LastAttemptId);
    }

    [Fact]
    public async Task The_catalogue_and_my_studies_take_as_many_commands_for_three_courses_as_for_one()
    {
        var client = await ParticipantAsync();
        await client.PostFormAsync("/courses/kurssi/alku/kanavat?handler=Done", new Dictionary<string, string>(), formUrl: "/courses/kurssi/alku/kanavat");
        var (_, catalogueOne) = await CountAsync(client, HttpMethod.Get, "/courses");
        var (_, studiesOne) = await CountAsync(client, HttpMethod.Get, "/my-studies");

        foreach (var extra in new[] { "toinen", "kolmas" })
        {
            _learning.Write($"{extra}/course.yml", "title: Kurssi " + extra + "\nsummary: Kuvaus.\nlanguage: fi\ncredits: 1\nhours: 27\nversion: \"1\"\noutcomes:\n  - Osaat.\nissuer: Testiverkosto\nsignatory:\n  name: Allekirjoittaja\n");
            _learning.Write($"{extra}/01-alku/module.yml", "title: Alku\n");
            _learning.Write($"{extra}/01-alku/01-{extra}-a.md", "---\ntitle: A\n---\n\nTekstiä.\n");
            _learning.Write($"{extra}/01-alku/02-{extra}-b.md", "---\ntitle: B\n---\n\nTekstiä.\n");
        }

        _site.Services.GetRequiredService<CatalogHolder>().Reload();
        foreach (var extra in new[] { "toinen", "kolmas" })
        {
            await client.PostFormAsync($"/courses/{extra}?handler=Enrol", new Dictionary<string, string>(), formUrl: $"/courses/{extra}");
            await client.PostFormAsync($"/courses/{extra}/alku/{extra}-a?handler=Done", new Dictionary<string, string>(), formUrl: $"/courses/{extra}/alku/{extra}-a");
        }

        var (catalogue, catalogueThree) = await CountAsync(client, HttpMethod.Get, "/courses");
        var (studies, studiesThree) = await CountAsync(client, HttpMethod.Get, "/my-studies");

        Assert.Equal(3, PercentPattern().Matches(await catalogue.Content.ReadAsStringAsync()).Count); // progress is shown for all three
        Assert.Equal(3, PercentPattern().Matches(await studies.Content.ReadAsStringAsync()).Count);
        Assert.Equal(catalogueOne.Count, catalogueThree.Count);
        Assert.Equal(studiesOne.Count, studiesThree.Count);
        Assert.Single(catalogueThree);
        Assert.Equal(2, studiesThree.Count);
    }

    private async Task<HttpClient> ParticipantAsync()
    {
        var email = $"p-{Guid.NewGuid():N}@example.fi";
        await TestUsers.CreateAsync(_site.Services, email, "Pia Osallistuja");
        var client = _site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(TestSite.BaseUrl) });
        await client.SignInAsync(email, TestUsers.Password);
        await client.PostFormAsync("/courses/kurssi?handler=Enrol", new Dictionary<string, string>(), formUrl: "/courses/kurssi");
        return client;
    }

    private async Task<(HttpResponseMessage Response, IReadOnlyList<string> Commands)> CountAsync(HttpClient client, HttpMethod method, string url, HttpContent? content = null)
    {
        var id = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add(SqlCommandCounter.Header, id);
        var response = await client.SendAsync(request);
        return (response, _site.Services.GetRequiredService<SqlCommandCounter>().CommandsOf(id));
    }

    private async Task<(HttpResponseMessage Response, IReadOnlyList<string> Commands)> PostAsync(HttpClient client, string url, Dictionary<string, string> fields, string formUrl)
    {
        var page = await client.GetStringAsync(formUrl);
        fields["__RequestVerificationToken"] = FormPoster.TokenIn(page) ?? "";
        return await CountAsync(client, HttpMethod.Post, url, new FormUrlEncodedContent(fields));
    }

    private async Task<int> CompletionsAsync()
    {
        using var scope = _site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().CourseCompletions.CountAsync();
    }

    private static bool IsWrite(string sql) =>
        sql.Contains("UPDATE ", StringComparison.Ordinal) || sql.Contains("INSERT ", StringComparison.Ordinal) || sql.Contains("DELETE ", StringComparison.Ordinal);

    private static string Shape(string sql) => sql.Split(' ', 3)[0];


    [GeneratedRegex("Suoritettu \\d+ %")]
    private static partial Regex PercentPattern();
}
