using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Authoring;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Authoring;

/// <summary>
/// The learning site's small course "kurssi" edited by editor@example.fi, and a second course "toinen" that only
/// other@example.fi edits, so tests can check who reaches what.
/// </summary>
public sealed partial class WorkspaceSite : IDisposable
{
    public const string Editor = "editor@example.fi";
    public const string OtherEditor = "other@example.fi";

    public static string CourseYml(string editor, string status = "published") =>
        $"title: Pieni kurssi\nsummary: Kuvaus.\nlanguage: fi\ncredits: 1\nhours: 27\nversion: \"1\"\nstatus: {status}\neditors:\n  - {editor}\noutcomes:\n  - Osaat.\n";

    public WorkspaceSite(string status = "published")
    {
        Learning.Write("kurssi/course.yml", CourseYml(Editor, status));
        Learning.Write("toinen/course.yml", CourseYml(OtherEditor).Replace("Pieni kurssi", "Toinen kurssi"));
        Learning.Write("toinen/01-alku/module.yml", "title: Alku\n");
        Learning.Write("toinen/01-alku/01-kanavat.md", "---\ntitle: Toisen oppitunti\n---\n\nSalainen teksti.\n");
        Learning.Reload();
    }

    public LearningSite Learning { get; } = new();

    public TestSite Site => Learning.Site;

    public string CoursesFolder => Site.Services.GetRequiredService<Web.Courses.CatalogHolder>().Current.RootFolder;

    public string Read(string relative) => File.ReadAllText(Path.Combine(CoursesFolder, relative));

    public Task<HttpClient> TrainerAsync(string email, params string[] roles) => NamedTrainerAsync(email, "Tiina Kouluttaja", roles);

    /// <summary>A trainer with a name of her own, for pages that name who did something.</summary>
    public async Task<HttpClient> NamedTrainerAsync(string email, string fullName, params string[] roles)
    {
        await TestUsers.CreateAsync(Site.Services, email, fullName, roles.Length == 0 ? [Roles.Trainer] : roles);
        var client = Site.CreateBrowserLikeClient();
        var signIn = await client.SignInAsync(email, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    /// <summary>A signed-in participant who has not enrolled anywhere (a draft cannot be enrolled in).</summary>
    public async Task<HttpClient> ParticipantClientAsync()
    {
        var email = $"p-{Guid.NewGuid():N}@example.fi";
        await TestUsers.CreateAsync(Site.Services, email, "Pia Osallistuja");
        var client = Site.CreateBrowserLikeClient();
        await client.SignInAsync(email, TestUsers.Password);
        return client;
    }

    public Task<int> RevisionsAsync(string course, string path) =>
        Learning.DbAsync(db => db.Set<CourseFileRevision>().CountAsync(r => r.CourseId == course && r.Path == path));

    /// <summary>The editor form's fields as the page rendered them (text, base hash, path).</summary>
    public static async Task<Dictionary<string, string>> EditorFieldsAsync(HttpClient client, string course, string path)
    {
        var html = await client.GetStringAsync($"/Trainer/Courses/{course}/edit?path={Uri.EscapeDataString(path)}");
        return new Dictionary<string, string>
        {
            ["Path"] = path,
            ["BaseHash"] = BaseHash().Match(html).Groups[1].Value,
            ["Text"] = WebUtility.HtmlDecode(EditorText().Match(html).Groups[1].Value),
        };
    }

    public static Task<HttpResponseMessage> SaveAsync(HttpClient client, string course, Dictionary<string, string> fields) =>
        client.PostFormAsync($"/Trainer/Courses/{course}/edit?handler=Save", fields, formUrl: "/Trainer/Courses");

    /// <summary>What a "save anyway" box posts when ticked: the ids or questions its warning names, "true" for the others.</summary>
    public static string BoxValue(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"<input type=\"checkbox\" name=\"{name}\" value=\"([^\"]*)\"").Groups[1].Value);

    /// <summary>Whether the page shows that box ticked.</summary>
    public static bool IsTicked(string html, string name) => Regex.IsMatch(html, $"<input type=\"checkbox\" name=\"{name}\"[^>]* checked=\"checked\"");

    public static string TextareaOf(string html, string id) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"<textarea id=\"{id}\"[^>]*>\\n?(.*?)</textarea>", RegexOptions.Singleline).Groups[1].Value);

    /// <summary>A multipart post with the anti-forgery token taken from the workspace's front page.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string course, string module, string fileName, byte[] content)
    {
        var page = await client.GetStringAsync("/Trainer/Courses");
        var token = FormPoster.TokenIn(page) ?? "";
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(module), "module" },
            { new ByteArrayContent(content), "upload", fileName },
        };
        return await client.PostAsync($"/Trainer/Courses/{course}?handler=Upload", form);
    }

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    public void Dispose() => Learning.Dispose();

    [GeneratedRegex("name=\"BaseHash\" value=\"([0-9a-f]*)\"")]
    private static partial Regex BaseHash();

    [GeneratedRegex("<textarea id=\"file-text\"[^>]*>\\n?(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex EditorText();

}
