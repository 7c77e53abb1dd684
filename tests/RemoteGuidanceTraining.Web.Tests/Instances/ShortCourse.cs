using System.Net;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Instances;

/// <summary>A one-lesson course with one quiz question: two requirements, so completing takes two posts.</summary>
public static class ShortCourse
{
    public const string Id = "lyhyt";

    public const string LessonPath = "/courses/lyhyt/alku/kanavat";

    public static void WriteTo(string coursesFolder)
    {
        var folder = Path.Combine(coursesFolder, Id, "01-alku");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(coursesFolder, Id, "course.yml"),
            "title: Lyhyt kurssi\nsummary: Kuvaus.\nlanguage: fi\ncredits: 1\nhours: 27\nversion: \"1\"\noutcomes:\n  - Osaat.\nissuer: Testiverkosto\nsignatory:\n  name: Allekirjoittaja\n");
        File.WriteAllText(Path.Combine(folder, "module.yml"), "title: Alku\n");
        File.WriteAllText(Path.Combine(folder, "01-kanavat.md"), """
            ---
            title: Kanavat
            minutes: 5
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
            """);
    }

    public static Dictionary<string, string?> Settings(string coursesFolder) => new()
    {
        ["Courses:Folder"] = coursesFolder,
        ["Courses:Watch"] = "false",
    };

    /// <summary>A client of one site. Clients sharing a cookie container act as one browser behind a load balancer.</summary>
    public static HttpClient Client(string baseUrl, CookieContainer cookies) =>
        new(TestCertificate.Handler(cookies)) { BaseAddress = new Uri(baseUrl) };

    public static Task<HttpResponseMessage> EnrolAsync(HttpClient client, string? formFrom = null) =>
        client.PostFormAsync($"/courses/{Id}?handler=Enrol", new Dictionary<string, string>(), formUrl: (formFrom ?? "") + $"/courses/{Id}");

    public static Task<HttpResponseMessage> PassQuizAsync(HttpClient client, string? formFrom = null) =>
        client.PostFormAsync($"{LessonPath}?handler=Quiz",
            new Dictionary<string, string> { ["quizId"] = "kanavavisa", ["q.synkroninen"] = "b" }, formUrl: (formFrom ?? "") + LessonPath);

    public static Task<HttpResponseMessage> DoneAsync(HttpClient client, string? formFrom = null) =>
        client.PostFormAsync($"{LessonPath}?handler=Done", new Dictionary<string, string>(), formUrl: (formFrom ?? "") + LessonPath);
}
