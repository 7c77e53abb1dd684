using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Courses;

/// <summary>The course engine as the site uses it: its own courses folder, edited while the site runs.</summary>
public sealed class CoursesInTheSiteTests : IDisposable
{
    private const string Lesson = "---\ntitle: Eka oppitunti\nminutes: 10\n---\n\n## Alku\n\nAlkuperäinen teksti.\n\n![Kaavio](kaavio.png)\n";

    private readonly TempFolder _courses = new();
    private readonly TestSite _site;

    public CoursesInTheSiteTests()
    {
        Write("salainen.png", "outside the course");
        Write("kurssi/course.yml", "title: Testikurssi\nsummary: Kuvaus.\nlanguage: fi\ncredits: 1\nhours: 27\noutcomes:\n  - Osaat.\nissuer: Testi\nsignatory:\n  name: Allekirjoittaja\n");
        Write("kurssi/01-alku/module.yml", "title: Alku\n");
        Write("kurssi/01-alku/01-eka.md", Lesson);
        Write("kurssi/01-alku/kaavio.png", "png bytes");
        _site = TestSite.With(new Dictionary<string, string?> { ["Courses:Folder"] = _courses.Path });
    }

    public void Dispose()
    {
        _site.Dispose();
        _courses.Dispose();
    }

    [Fact]
    public async Task An_edited_lesson_is_served_without_a_restart()
    {
        var client = await ParticipantAsync();
        Assert.Contains("Alkuperäinen teksti.", await client.GetStringAsync("/courses/kurssi/alku/eka"));

        Write("kurssi/01-alku/01-eka.md", Lesson.Replace("Alkuperäinen teksti.", "Korjattu teksti.", StringComparison.Ordinal));

        await Eventually.TrueAsync(
            async () => (await client.GetStringAsync("/courses/kurssi/alku/eka")).Contains("Korjattu teksti.", StringComparison.Ordinal),
            "the edited lesson to be served");
        var html = await client.GetStringAsync("/courses/kurssi/alku/eka");

        Assert.Contains("Korjattu teksti.", html);
    }

    [Fact]
    public async Task Course_media_are_served_with_caching_headers()
    {
        var response = await _site.CreateClient().GetAsync("/courses/kurssi/media/01-alku/kaavio.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("max-age=3600", response.Headers.CacheControl?.ToString());
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task Course_media_answer_head_as_they_answer_get()
    {
        // The lesson page's route matches the address too: it took HEAD (405 signed in, the sign-in page anonymously).
        foreach (var client in new[] { _site.CreateBrowserLikeClient(), await ParticipantAsync() })
        {
            var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/courses/kurssi/media/01-alku/kaavio.png"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("/courses/kurssi/media/")]
    [InlineData("/courses/kurssi/media/01-alku/..")]
    [InlineData("/courses/kurssi/media/01-alku/%2e%2e")]
    public async Task An_empty_media_path_is_not_found_without_an_exception_in_the_log(string url)
    {
        var logs = new ListLoggerProvider();
        // Development, where a missing parameter of the media endpoint is thrown (and logged) rather than answered quietly.
        using var development = _site.WithWebHostBuilder(b => b.UseEnvironment("Development").ConfigureLogging(l => l.AddProvider(logs)));

        var response = await development.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(logs.Messages, m => m.Exception is not null);
    }

    [Theory]
    [InlineData("/courses/kurssi/media/../salainen.png")]
    [InlineData("/courses/kurssi/media/..%2F..%2Fsalainen.png")]
    [InlineData("/courses/kurssi/media/%2e%2e/%2e%2e/salainen.png")]
    [InlineData("/courses/kurssi/media/01-alku/..%2F..%2F..%2Fsalainen.png")]
    [InlineData("/courses/kurssi/media/%2Fetc%2Fpasswd")]
    [InlineData("/courses/kurssi/media/course.yml")]
    [InlineData("/courses/puuttuu/media/kaavio.png")]
    public async Task Media_urls_never_read_outside_the_course_folder(string url)
    {
        var response = await _site.CreateBrowserLikeClient().GetAsync(url);

        Assert.True(response.StatusCode != HttpStatusCode.OK, $"{response.RequestMessage?.RequestUri} gave {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.DoesNotContain("outside the course", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Trainers_see_course_errors_with_file_and_line_and_participants_do_not()
    {
        Write("rikki/course.yml", "title: Rikki\nsummary: [kesken\n");
        _site.Services.GetRequiredService<RemoteGuidanceTraining.Web.Courses.CatalogHolder>().Reload();
        await TestUsers.CreateAsync(_site.Services, "kouluttaja@example.fi", "Kaija Kouluttaja", Roles.Trainer);
        var trainer = _site.CreateBrowserLikeClient();
        await trainer.SignInAsync("kouluttaja@example.fi", TestUsers.Password);

        var html = await trainer.GetStringAsync("/Trainer/CourseProblems");

        Assert.Contains("rikki/course.yml:", html);
        Assert.Contains("YAML-virhe", html);
        var participant = await ParticipantAsync();
        Assert.StartsWith("/Account/AccessDenied", (await participant.GetAsync("/Trainer/CourseProblems")).Headers.Location?.PathAndQuery);
        Assert.Contains("Testikurssi", await participant.GetStringAsync("/courses"));
        Assert.DoesNotContain("Rikki", await participant.GetStringAsync("/courses"));
    }

    private async Task<HttpClient> ParticipantAsync()
    {
        var email = $"o-{Guid.NewGuid():N}@example.fi";
        await TestUsers.CreateAsync(_site.Services, email);
        var client = _site.CreateBrowserLikeClient();
        await client.SignInAsync(email, TestUsers.Password);
        await client.PostFormAsync("/courses/kurssi?handler=Enrol", new Dictionary<string, string>(), formUrl: "/courses/kurssi");
        return client;
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_courses.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
