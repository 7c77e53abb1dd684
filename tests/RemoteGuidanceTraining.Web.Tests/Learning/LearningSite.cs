using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Learning;

/// <summary>
/// A site on its own small course (two lessons, one quiz, one task) that tests can change while it runs,
/// and a participant who drives it over HTTP like a browser without JavaScript would.
/// </summary>
public sealed class LearningSite : IDisposable
{
    public const string LessonOne = """
        ---
        title: Kanavat
        minutes: 10
        ---

        Tekstiä kanavista.

        :::: quiz kanavavisa
        ::: question synkroninen
        Mikä on synkroninen kanava?

        - [ ] Sähköposti
        - [x] Video

        Video on reaaliaikainen.
        :::
        ::::
        """;

    public const string LessonTwo = """
        ---
        title: Oma työ
        minutes: 10
        ---

        ::: task kanavakartta minlength=40
        Kuvaa palvelusi kanavat.
        :::
        """;

    private readonly TempFolder _courses = new();

    public LearningSite(IDictionary<string, string?>? settings = null)
    {
        Write("kurssi/course.yml", "title: Pieni kurssi\nsummary: Kuvaus.\nlanguage: fi\ncredits: 1\nhours: 27\nversion: \"1\"\noutcomes:\n  - Osaat.\nissuer: Testiverkosto\nsignatory:\n  name: Allekirjoittaja\n");
        Write("kurssi/01-alku/module.yml", "title: Alku\n");
        Write("kurssi/01-alku/01-kanavat.md", LessonOne);
        Write("kurssi/01-alku/02-oma-tyo.md", LessonTwo);
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Courses:Folder"] = _courses.Path,
            ["Courses:Watch"] = "false",
        };
        Site = TestSite.With(all);
    }

    public TestSite Site { get; }

    public void Write(string relative, string text)
    {
        var path = Path.Combine(_courses.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(_courses.Path, relative));

    public void Delete(string relative) => File.Delete(Path.Combine(_courses.Path, relative));

    public void DeleteFolder(string relative) => Directory.Delete(Path.Combine(_courses.Path, relative), recursive: true);

    public void Move(string from, string to) => File.Move(Path.Combine(_courses.Path, from), Path.Combine(_courses.Path, to));

    /// <summary>Tests reload explicitly instead of waiting for the file watcher.</summary>
    public void Reload() => Site.Services.GetRequiredService<CatalogHolder>().Reload();

    public async Task<Participant> ParticipantAsync(string? email = null, string fullName = "Pia Osallistuja")
    {
        email ??= $"p-{Guid.NewGuid():N}@example.fi";
        var user = await TestUsers.CreateAsync(Site.Services, email, fullName);
        var client = Site.CreateBrowserLikeClient();
        await client.SignInAsync(email, TestUsers.Password);
        await client.PostFormAsync("/courses/kurssi?handler=Enrol", new Dictionary<string, string>(), formUrl: "/courses/kurssi");
        return new Participant(client, user.Id, email);
    }

    public async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = Site.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<int> CompletionsAsync(string userId) => DbAsync(db => db.CourseCompletions.CountAsync(c => c.UserId == userId));

    public void Dispose()
    {
        Site.Dispose();
        _courses.Dispose();
    }

    public sealed record Participant(HttpClient Client, string UserId, string Email)
    {
        public Task<HttpResponseMessage> DoneAsync(string lessonPath) =>
            Client.PostFormAsync($"/courses/kurssi/{lessonPath}?handler=Done", new Dictionary<string, string>(), formUrl: $"/courses/kurssi/{lessonPath}");

        public Task<HttpResponseMessage> AnswerQuizAsync(string option) =>
            Client.PostFormAsync("/courses/kurssi/alku/kanavat?handler=Quiz",
                new Dictionary<string, string> { ["quizId"] = "kanavavisa", ["q.synkroninen"] = option }, formUrl: "/courses/kurssi/alku/kanavat");

        public Task<HttpResponseMessage> TaskAsync(string text, bool submit, Dictionary<string, string>? extra = null) =>
            Client.PostFormAsync("/courses/kurssi/alku/oma-tyo?handler=Task",
                new Dictionary<string, string>(extra ?? []) { ["taskId"] = "kanavakartta", ["text"] = text, ["submit"] = submit ? "true" : "false" },
                formUrl: "/courses/kurssi/alku/oma-tyo");

        public async Task CompleteAllAsync()
        {
            await DoneAsync("alku/kanavat");
            await AnswerQuizAsync("b");
            await TaskAsync(LongAnswer, submit: true);
            await DoneAsync("alku/oma-tyo");
        }
    }

    public const string LongAnswer = "Palvelussamme on chat arkisin, puhelin ja sähköposti sekä videotapaamiset sopimuksen mukaan.";
}
