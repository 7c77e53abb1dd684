using System.Net;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Authoring;

/// <summary>
/// A draft is seen only by its editors (and admins), who walk through it as a participant would in a preview that
/// records nothing; its media are theirs too. Everyone else gets 404, while a published course's media stay public.
/// </summary>
public sealed class WorkspaceDraftPreviewTests : IDisposable
{
    private readonly WorkspaceSite _site = new(status: "draft");

    public WorkspaceDraftPreviewTests() => File.WriteAllBytes(Path.Combine(_site.CoursesFolder, "kurssi", "01-alku", "kaavio.png"), WorkspaceSite.Png);

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task An_editor_walks_through_a_draft_as_a_participant_and_nothing_is_recorded()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var course = await editor.GetStringAsync("/courses/kurssi");
        var enrol = await editor.PostFormAsync("/courses/kurssi?handler=Enrol", new Dictionary<string, string>(), formUrl: "/courses/kurssi");
        var lesson = await editor.GetAsync("/courses/kurssi/alku/kanavat");
        var walk = await editor.GetStringAsync("/Trainer/Courses/kurssi/walk/alku/kanavat");
        var quiz = await editor.PostFormAsync("/Trainer/Courses/kurssi/walk/alku/kanavat?handler=Quiz",
            new Dictionary<string, string> { ["quizId"] = "kanavavisa", ["q.synkroninen"] = "b" }, formUrl: "/Trainer/Courses/kurssi/walk/alku/kanavat");
        var shortTask = await editor.PostFormAsync("/Trainer/Courses/kurssi/walk/alku/oma-tyo?handler=Task",
            new Dictionary<string, string> { ["taskId"] = "kanavakartta", ["text"] = "Lyhyt.", ["submit"] = "true" }, formUrl: "/Trainer/Courses/kurssi/walk/alku/oma-tyo");
        var task = await editor.PostFormAsync("/Trainer/Courses/kurssi/walk/alku/oma-tyo?handler=Task",
            new Dictionary<string, string> { ["taskId"] = "kanavakartta", ["text"] = Learning.LearningSite.LongAnswer, ["submit"] = "true" }, formUrl: "/Trainer/Courses/kurssi/walk/alku/oma-tyo");
        var last = await editor.GetStringAsync("/Trainer/Courses/kurssi/walk/alku/oma-tyo");

        Assert.Contains("Käy koulutus läpi osallistujana", course);
        Assert.DoesNotContain("handler=Enrol", course);
        Assert.Equal("/Trainer/Courses/kurssi/walk/alku/kanavat", enrol.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, lesson.StatusCode);
        Assert.Equal("/Trainer/Courses/kurssi/walk/alku/kanavat", lesson.Headers.Location?.OriginalString);
        Assert.Contains("mitään tekemääsi ei tallenneta", walk);
        Assert.Contains("Mikä on synkroninen kanava?", walk);
        Assert.Contains("Hyväksytty.", await quiz.Content.ReadAsStringAsync());
        Assert.Contains("vähintään 40 merkkiä", await shortTask.Content.ReadAsStringAsync());
        var taskHtml = await task.Content.ReadAsStringAsync();
        Assert.Contains("Vastaus olisi nyt lähetetty", taskHtml);
        Assert.Contains(Learning.LearningSite.LongAnswer, taskHtml);
        Assert.Contains("Lopeta esikatselu", last);
        Assert.Equal(0, await _site.Learning.DbAsync(db => db.Enrollments.CountAsync()));
        Assert.Equal(0, await _site.Learning.DbAsync(db => db.LessonCompletions.CountAsync()));
        Assert.Equal(0, await _site.Learning.DbAsync(db => db.QuizAttempts.CountAsync()));
        Assert.Equal(0, await _site.Learning.DbAsync(db => db.TaskAnswers.CountAsync()));
        Assert.Equal(0, await _site.Learning.DbAsync(db => db.CourseCompletions.CountAsync()));
        Assert.Equal(0, await _site.Learning.DbAsync(db => db.Certificates.CountAsync()));
        Assert.Equal(0, await _site.Learning.DbAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task A_walk_through_task_answer_that_is_too_long_is_shown_again_whole_with_the_message()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var text = string.Concat(Enumerable.Repeat("Chat-ohjaus. ", 4_615)) + "Loppu.";

        var task = await editor.PostFormAsync("/Trainer/Courses/kurssi/walk/alku/oma-tyo?handler=Task",
            new Dictionary<string, string> { ["taskId"] = "kanavakartta", ["text"] = text, ["submit"] = "true" }, formUrl: "/Trainer/Courses/kurssi/walk/alku/oma-tyo");

        Assert.True(text.Length > 60_000);
        var html = await task.Content.ReadAsStringAsync();
        Assert.Contains("Vastaus on liian pitkä (enintään 50 000 merkkiä).", html);
        Assert.Contains(">" + text + "</textarea>", html);
    }

    [Fact]
    public async Task Participants_anonymous_visitors_and_other_trainers_never_see_a_draft_or_its_media()
    {
        var participant = await _site.ParticipantClientAsync();
        var anonymous = _site.Site.CreateBrowserLikeClient();
        var otherTrainer = await _site.TrainerAsync(WorkspaceSite.OtherEditor);
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var admin = await _site.TrainerAsync("admin@example.fi", Roles.Admin);
        const string media = "/courses/kurssi/media/01-alku/kaavio.png";

        foreach (var client in new[] { participant, anonymous, otherTrainer })
        {
            Assert.DoesNotContain("/courses/kurssi\"", await client.GetStringAsync("/courses"));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/courses/kurssi")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(media)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await participant.GetAsync("/courses/kurssi/alku/kanavat")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherTrainer.GetAsync("/courses/kurssi/alku/kanavat")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherTrainer.GetAsync("/Trainer/Courses/kurssi/walk/alku/kanavat")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await participant.GetAsync("/Trainer/Courses/kurssi/walk/alku/kanavat")).StatusCode);
        var editorsCopy = await editor.GetAsync(media);
        Assert.Equal(HttpStatusCode.OK, editorsCopy.StatusCode);
        Assert.True(editorsCopy.Headers.CacheControl is { Private: true, NoCache: true, Public: false }, $"{editorsCopy.Headers.CacheControl}");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(media)).StatusCode);
        var catalogue = await admin.GetStringAsync("/courses");
        Assert.Contains("/courses/kurssi\"", catalogue);
        Assert.Contains("class=\"draft-badge\">Luonnos", catalogue);
    }

    [Fact]
    public async Task A_published_courses_media_stay_public()
    {
        _site.Learning.Write("kurssi/course.yml", WorkspaceSite.CourseYml(WorkspaceSite.Editor));
        _site.Learning.Reload();
        var anonymous = _site.Site.CreateBrowserLikeClient();

        var response = await anonymous.GetAsync("/courses/kurssi/media/01-alku/kaavio.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("public", response.Headers.CacheControl?.ToString());
    }
}
