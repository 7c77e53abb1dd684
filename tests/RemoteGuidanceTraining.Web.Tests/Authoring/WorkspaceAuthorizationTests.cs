using System.Net;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Authoring;

/// <summary>
/// A trainer reaches only the courses whose `editors:` list them (admins all): every other course, and every path
/// that tries to leave the course folder, is 404 on every workspace page and handler.
/// </summary>
public sealed class WorkspaceAuthorizationTests : IDisposable
{
    private readonly WorkspaceSite _site = new();

    public void Dispose() => _site.Dispose();

    public static TheoryData<string> Pages => new()
    {
        "/Trainer/Courses/kurssi",
        "/Trainer/Courses/kurssi/edit?path=course.yml",
        "/Trainer/Courses/kurssi/edit?path=01-alku/01-kanavat.md",
        "/Trainer/Courses/kurssi/history?path=01-alku/01-kanavat.md",
        "/Trainer/Courses/kurssi/history?path=course.yml&revision=1",
        "/Trainer/Courses/kurssi/uploads",
        "/Trainer/Courses/kurssi/walk/alku/kanavat",
    };

    public static TheoryData<string, string> Handlers => new()
    {
        { "/Trainer/Courses/kurssi/edit?handler=Save", "Path=course.yml&Text=title%3A%20x&BaseHash=" },
        { "/Trainer/Courses/kurssi/edit?handler=Preview", "Path=course.yml&Text=title%3A%20x" },
        { "/Trainer/Courses/kurssi?handler=Publish", "" },
        { "/Trainer/Courses/kurssi?handler=NewLesson", "module=01-alku&title=Uusi" },
        { "/Trainer/Courses/kurssi?handler=NewModule", "title=Uusi" },
        { "/Trainer/Courses/kurssi/history?handler=Restore", "Path=course.yml&revision=1" },
        { "/Trainer/Courses/kurssi?handler=Move", "path=01-alku%2F01-kanavat.md&direction=Down&fingerprint=x" },
        { "/Trainer/Courses/kurssi?handler=Move", "path=01-alku&direction=Up&fingerprint=x" },
        { "/Trainer/Courses/kurssi/uploads?handler=Delete", "path=01-alku%2F01-kanavat.md" },
        { "/Trainer/Courses/kurssi/walk/alku/kanavat?handler=Quiz", "quizId=kanavavisa&q.synkroninen=b" },
        { "/Trainer/Courses/kurssi/walk/alku/oma-tyo?handler=Task", "taskId=kanavakartta&text=x&submit=true" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_trainer_not_among_the_editors_gets_404_on_every_page(string url)
    {
        var outsider = await _site.TrainerAsync(WorkspaceSite.OtherEditor);
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).StatusCode);
        Assert.NotEqual(HttpStatusCode.NotFound, (await editor.GetAsync(url.Replace("&revision=1", ""))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public async Task A_trainer_not_among_the_editors_gets_404_on_every_handler(string url, string body)
    {
        var before = _site.Read("kurssi/course.yml");
        var outsider = await _site.TrainerAsync(WorkspaceSite.OtherEditor);

        var response = await PostAsync(outsider, url, body);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, _site.Read("kurssi/course.yml"));
        Assert.True(File.Exists(Path.Combine(_site.CoursesFolder, "kurssi", "01-alku", "01-kanavat.md")));
        Assert.False(Directory.Exists(Path.Combine(_site.CoursesFolder, "kurssi", "02-uusi")));
    }

    [Fact]
    public async Task An_upload_by_a_trainer_not_among_the_editors_is_404_and_writes_nothing()
    {
        var outsider = await _site.TrainerAsync(WorkspaceSite.OtherEditor);

        var response = await WorkspaceSite.UploadAsync(outsider, "kurssi", "01-alku", "kuva.png", WorkspaceSite.Png);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(File.Exists(Path.Combine(_site.CoursesFolder, "kurssi", "01-alku", "kuva.png")));
    }

    [Theory]
    [InlineData("../toinen/course.yml")]
    [InlineData("01-alku/../../toinen/course.yml")]
    [InlineData("..%2Ftoinen%2Fcourse.yml")]
    [InlineData("/etc/passwd")]
    [InlineData("%2Fetc%2Fpasswd")]
    [InlineData("01-alku\\..\\..\\toinen\\course.yml")]
    [InlineData("01-alku/kuva.png")]
    [InlineData(".git/config")]
    [InlineData("")]
    public async Task Guessed_paths_outside_the_course_are_404(string path)
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/Trainer/Courses/kurssi/edit?path={path}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(editor, "/Trainer/Courses/kurssi/edit?handler=Save",
            $"Path={Uri.EscapeDataString(Uri.UnescapeDataString(path))}&Text=x&BaseHash=")).StatusCode);
    }

    [Theory]
    [InlineData("toinen")]
    [InlineData("..")]
    [InlineData("KURSSI")]
    [InlineData("ei-ole")]
    public async Task Another_course_id_or_a_made_up_one_is_404(string courseId)
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/Trainer/Courses/{courseId}/edit?path=course.yml")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/Trainer/Courses/{courseId}")).StatusCode);
    }

    [Fact]
    public async Task A_symbolic_link_inside_the_course_does_not_lead_out_of_it()
    {
        File.CreateSymbolicLink(Path.Combine(_site.CoursesFolder, "kurssi", "01-alku", "03-linkki.md"),
            Path.Combine(_site.CoursesFolder, "toinen", "01-alku", "01-kanavat.md"));
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var response = await editor.GetAsync("/Trainer/Courses/kurssi/edit?path=01-alku/03-linkki.md");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_list_shows_only_the_trainers_own_courses_and_an_admin_sees_all()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var admin = await _site.TrainerAsync("admin@example.fi", Roles.Admin);

        var mine = await editor.GetStringAsync("/Trainer/Courses");
        var all = await admin.GetStringAsync("/Trainer/Courses");

        Assert.Contains("/Trainer/Courses/kurssi\"", mine);
        Assert.DoesNotContain("/Trainer/Courses/toinen\"", mine);
        Assert.Contains("/Trainer/Courses/kurssi\"", all);
        Assert.Contains("/Trainer/Courses/toinen\"", all);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Trainer/Courses/toinen/edit?path=course.yml")).StatusCode);
    }

    [Fact]
    public async Task A_participant_cannot_open_the_workspace()
    {
        var participant = await _site.Learning.ParticipantAsync();

        var response = await participant.Client.GetAsync("/Trainer/Courses/kurssi");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string body)
    {
        var fields = body.Length == 0 ? [] : body.Split('&').Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        return await client.PostFormAsync(url, fields, formUrl: "/Trainer/Courses");
    }
}
