using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Trust;

/// <summary>
/// A hostile but legitimate user against the newer features (closing accounts, roles, peer feedback, task review,
/// invitations, the quiz): malformed and out-of-scope posts get 400/404 or a message, never a 500 or a silent change.
/// </summary>
public sealed class RecentFeatureProbeTests : IDisposable
{
    private readonly LearningSite _learning = new();

    public RecentFeatureProbeTests()
    {
        _learning.Write("kurssi/01-alku/02-oma-tyo.md", TaskReviewTests.ReviewedLesson.Replace("review=required", "review=required peer=1", StringComparison.Ordinal));
        _learning.Reload();
    }

    public void Dispose() => _learning.Dispose();

    private IServiceProvider Services => _learning.Site.Services;

    private static void NoServerError(HttpResponseMessage response, string what) =>
        Assert.True((int)response.StatusCode < 500, $"{what}: {(int)response.StatusCode}");

    [Fact]
    public async Task Malformed_admin_posts_on_roles_and_closing_answer_without_a_500()
    {
        var admin = await Network.NetworkKit.SignedInAsync(_learning.Site, "admin@example.fi", "Anja Admin", Roles.Admin);
        var person = await TestUsers.CreateAsync(Services, "leena@example.fi", "Leena");
        var url = $"/Admin/User/{person.Id}";

        NoServerError(await admin.PostFormAsync("/Admin/Users?handler=Roles", new Dictionary<string, string> { ["roles"] = "Admin" }, formUrl: "/Admin/Users"), "roles without userId");
        NoServerError(await admin.PostFormFieldsAsync("/Admin/Users?handler=Roles",
            [new("userId", person.Id), new("userId", "x"), new("roles", "Trainer")], formUrl: "/Admin/Users"), "two userIds");
        NoServerError(await admin.PostFormAsync("/Admin/Users?handler=Roles", new Dictionary<string, string> { ["userId"] = new string('x', 5000), ["roles"] = "Trainer" }, formUrl: "/Admin/Users"), "huge userId");
        NoServerError(await admin.PostFormAsync("/Admin/Users?handler=Roles&p=abc", new Dictionary<string, string> { ["userId"] = person.Id, ["roles"] = "Trainer" }, formUrl: "/Admin/Users"), "p=abc");
        NoServerError(await admin.PostFormAsync($"/Admin/User/{new string('x', 5000)}?handler=Suspend", new Dictionary<string, string>(), formUrl: url), "huge id suspend");
        NoServerError(await admin.PostFormAsync($"{url}?handler=Scope", new Dictionary<string, string> { ["organisations"] = "99999", ["regions"] = new string('x', 500) }, formUrl: url), "scope unknown");
        NoServerError(await admin.PostFormAsync($"{url}?handler=Membership", new Dictionary<string, string> { ["organisationId"] = "99999" }, formUrl: url), "membership unknown");
        NoServerError(await admin.GetAsync($"{url}?handler=Suspend"), "GET suspend");
        NoServerError(await admin.PostFormAsync($"{url}?handler=Nope", new Dictionary<string, string>(), formUrl: url), "unknown handler");
        Assert.Null(await _learning.DbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.SuspendedAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task Malformed_peer_feedback_posts_answer_without_a_500()
    {
        var a = await _learning.ParticipantAsync(null, "Anna");
        var b = await _learning.ParticipantAsync(null, "Bertta");
        await a.TaskAsync(LearningSite.LongAnswer, submit: true);
        await b.TaskAsync(LearningSite.LongAnswer + " B", submit: true);
        const string peer = "/courses/kurssi/alku/oma-tyo/peer/kanavakartta";
        await a.Client.GetStringAsync(peer);
        var id = await _learning.DbAsync(db => db.PeerReviews.Where(p => p.ReviewerUserId == a.UserId).Select(p => p.Id).SingleAsync());
        var good = new string('h', 30);

        NoServerError(await a.Client.PostFormAsync(peer, new Dictionary<string, string> { ["assignmentId"] = "abc", ["text"] = good }, formUrl: peer), "abc");
        NoServerError(await a.Client.PostFormAsync(peer, new Dictionary<string, string> { ["assignmentId"] = "99999999999", ["text"] = "x" }, formUrl: peer), "huge");
        NoServerError(await a.Client.PostFormAsync(peer, new Dictionary<string, string> { ["text"] = good }, formUrl: peer), "missing id");
        NoServerError(await a.Client.PostFormFieldsAsync(peer, [new("assignmentId", $"{id}"), new("assignmentId", "1"), new("text", good), new("text", "x")], formUrl: peer), "doubled");
        NoServerError(await a.Client.PostFormAsync(peer, new Dictionary<string, string> { ["assignmentId"] = $"{id}", ["text"] = new string('x', 5000) }, formUrl: peer), "long");
        NoServerError(await a.Client.GetAsync(peer + "?handler=Nope"), "unknown handler get");
        NoServerError(await b.Client.PostFormAsync(peer, new Dictionary<string, string> { ["assignmentId"] = $"{id}", ["text"] = good }, formUrl: peer), "someone else's");
        var stored = await _learning.DbAsync(db => db.PeerReviews.Where(p => p.Id == id).Select(p => p.Text).SingleAsync());
        Assert.True(stored is null or { Length: <= 2000 }, stored);
    }

    [Fact]
    public async Task Malformed_quiz_posts_answer_without_a_500()
    {
        var a = await _learning.ParticipantAsync();
        const string lesson = "/courses/kurssi/alku/kanavat";
        NoServerError(await a.Client.PostFormAsync(lesson + "?handler=Quiz", new Dictionary<string, string>(), formUrl: lesson), "no quizId");
        NoServerError(await a.Client.PostFormFieldsAsync(lesson + "?handler=Quiz", [new("quizId", "kanavavisa"), new("quizId", "x"), new("q.synkroninen", "b"), new("q.synkroninen", "b")], formUrl: lesson), "doubled");
        NoServerError(await a.Client.PostFormAsync(lesson + "?handler=Quiz", new Dictionary<string, string> { ["quizId"] = "kanavavisa", ["q.synkroninen"] = new string('b', 100_000) }, formUrl: lesson), "long");
        NoServerError(await a.Client.GetAsync(lesson + "?handler=Quiz"), "GET");
    }

    [Fact]
    public async Task A_trainer_cannot_accept_their_own_answer()
    {
        var email = "kouluttaja@example.fi";
        var trainer = await _learning.ParticipantAsync(email, "Kalle Kouluttaja");
        await _learning.DbAsync(async db =>
        {
            var roleId = await db.Roles.Where(r => r.Name == Roles.Trainer).Select(r => r.Id).SingleAsync();
            db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = trainer.UserId, RoleId = roleId });
            return await db.SaveChangesAsync();
        });
        var client = _learning.Site.CreateBrowserLikeClient();
        await client.SignInAsync(email, TestUsers.Password);
        await new LearningSite.Participant(client, trainer.UserId, email).TaskAsync(LearningSite.LongAnswer, submit: true);
        var id = await _learning.DbAsync(db => db.TaskAnswers.Where(t => t.UserId == trainer.UserId).Select(t => t.Id).SingleAsync());

        var response = await client.PostFormAsync($"/Trainer/Answer/{id}", new Dictionary<string, string> { ["feedback"] = "Erinomainen.", ["decision"] = "accept" });

        NoServerError(response, "self accept");
        Assert.Contains("Tämä on oma vastauksesi", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.NotEqual(Web.Learning.TaskReviewState.Accepted, await _learning.DbAsync(db => db.TaskAnswers.Where(t => t.Id == id).Select(t => t.ReviewState).SingleAsync()));
    }

    [Fact]
    public async Task Accepting_one_invitation_many_times_at_once_gives_no_500()
    {
        var (coordinator, _) = await TestUsers.SignedInCoordinatorAsync(_learning.Site, "Organisaatio A");
        var created = await coordinator.PostFormAsync("/Coordination/Cohorts", new Dictionary<string, string>
        {
            ["Input.Name"] = "Ryhmä", ["Input.CourseId"] = "kurssi", ["Input.StartsOn"] = "2026-12-01", ["Input.EndsOn"] = "2027-03-01",
        });
        var cohort = created.Headers.Location!.OriginalString.Split('/').Last();
        var bertta = await TestUsers.CreateAsync(Services, "bertta@example.fi", "Bertta");
        await coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Typed",
            new Dictionary<string, string> { ["typed"] = "bertta@example.fi;Bertta" }, formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");
        var memberId = await _learning.DbAsync(db => db.CohortMembers.Where(m => m.UserId == bertta.Id).Select(m => m.Id).SingleAsync());
        var client = _learning.Site.CreateBrowserLikeClient();
        await client.SignInAsync("bertta@example.fi", TestUsers.Password);
        var token = await client.FormTokenAsync("/Account/Invitations");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PostAsync("/Account/Invitations?handler=Accept",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = $"{memberId}", ["__RequestVerificationToken"] = token }))));

        Assert.All(answers, r => NoServerError(r, "accept"));
        Assert.Equal(1, await _learning.DbAsync(db => db.Enrollments.CountAsync(e => e.UserId == bertta.Id)));
    }

    [Fact]
    public async Task Role_changes_at_once_never_say_saved_for_a_change_that_was_not_saved()
    {
        await TestUsers.CreateAsync(Services, "admin@example.fi", "Anja Admin", Roles.Admin);
        var person = await TestUsers.CreateAsync(Services, "leena@example.fi", "Leena");
        var admins = new List<HttpClient>();
        for (var i = 0; i < 6; i++)
        {
            var client = _learning.Site.CreateBrowserLikeClient();
            await client.SignInAsync("admin@example.fi", TestUsers.Password);
            admins.Add(client);
        }

        var tokens = await Task.WhenAll(admins.Select(a => a.FormTokenAsync("/Admin/Users")));
        var posts = await Task.WhenAll(admins.Select((a, i) => a.PostAsync("/Admin/Users?handler=Roles", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userId"] = person.Id, ["roles"] = i % 2 == 0 ? Roles.Trainer : Roles.Coordinator, ["__RequestVerificationToken"] = tokens[i],
        }))));
        Assert.All(posts, r => NoServerError(r, "roles"));
        var pages = await Task.WhenAll(admins.Select(a => a.GetStringAsync("/Admin/Users")));

        var saidSaved = pages.Count(p => System.Net.WebUtility.HtmlDecode(p).Contains("roolit tallennettu", StringComparison.Ordinal));
        var audited = await _learning.DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == Web.Audit.AuditActions.RolesChanged && e.SubjectUserId == person.Id));
        Assert.Equal(audited, saidSaved);
    }
}
