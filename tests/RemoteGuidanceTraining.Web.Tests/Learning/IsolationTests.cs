using System.Net;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Learning;

/// <summary>Participant A cannot read or change participant B's progress, attempts, answers or certificate.</summary>
public sealed class IsolationTests : IDisposable
{
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task Another_participants_certificate_cannot_be_downloaded_by_changing_the_id()
    {
        var b = await _learning.ParticipantAsync();
        await b.CompleteAllAsync();
        var certificateId = await _learning.DbAsync(db => db.Certificates.Where(c => c.UserId == b.UserId).Select(c => c.Id).SingleAsync());
        var a = await _learning.ParticipantAsync();

        var response = await a.Client.GetAsync($"/my-studies?handler=Certificate&id={certificateId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var own = await b.Client.GetAsync($"/my-studies?handler=Certificate&id={certificateId}");
        Assert.Equal("application/pdf", own.Content.Headers.ContentType?.MediaType);
        Assert.True(own.Headers.CacheControl?.NoStore, "a certificate PDF must not be kept by a browser or proxy cache");
    }

    [Fact]
    public async Task Adding_another_users_id_to_a_form_changes_only_ones_own_data()
    {
        var b = await _learning.ParticipantAsync();
        await b.TaskAsync("B:n oma luonnos, jota kukaan muu ei saa muuttaa.", submit: false);
        var a = await _learning.ParticipantAsync();

        await a.TaskAsync("A yrittää kirjoittaa B:n vastauksen päälle tällä tekstillä.", submit: true,
            new Dictionary<string, string> { ["userId"] = b.UserId, ["UserId"] = b.UserId });
        await a.Client.PostFormAsync($"/courses/kurssi/alku/kanavat?handler=Quiz&userId={b.UserId}",
            new Dictionary<string, string> { ["quizId"] = "kanavavisa", ["q.synkroninen"] = "a", ["userId"] = b.UserId }, formUrl: "/courses/kurssi/alku/kanavat");

        var bAnswer = await _learning.DbAsync(db => db.TaskAnswers.SingleAsync(t => t.UserId == b.UserId));
        Assert.Equal("B:n oma luonnos, jota kukaan muu ei saa muuttaa.", bAnswer.Text);
        Assert.Null(bAnswer.SubmittedAtUtc);
        Assert.Equal(0, await _learning.DbAsync(db => db.QuizAttempts.CountAsync(q => q.UserId == b.UserId)));
        Assert.Equal(1, await _learning.DbAsync(db => db.QuizAttempts.CountAsync(q => q.UserId == a.UserId)));
        Assert.DoesNotContain("B:n oma luonnos", await a.Client.GetStringAsync("/courses/kurssi/alku/oma-tyo"));
    }

    [Fact]
    public async Task A_participant_cannot_open_task_answers_on_the_trainer_pages()
    {
        var b = await _learning.ParticipantAsync();
        await b.TaskAsync(LearningSite.LongAnswer, submit: true);
        var answerId = await _learning.DbAsync(db => db.TaskAnswers.Where(t => t.UserId == b.UserId).Select(t => t.Id).SingleAsync());
        var a = await _learning.ParticipantAsync();

        foreach (var url in new[] { $"/Trainer/Answer/{answerId}", "/Trainer/Tasks" })
        {
            var response = await a.Client.GetAsync(url);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location?.PathAndQuery);
        }
    }

    [Fact]
    public async Task A_trainer_reads_a_submitted_answer_writes_feedback_and_the_participant_sees_it_and_gets_mail()
    {
        var p = await _learning.ParticipantAsync();
        await p.TaskAsync(LearningSite.LongAnswer, submit: true);
        await TestUsers.CreateAsync(_learning.Site.Services, "kouluttaja@example.fi", "Kalle Kouluttaja", Roles.Trainer);
        var trainer = _learning.Site.CreateBrowserLikeClient();
        await trainer.SignInAsync("kouluttaja@example.fi", TestUsers.Password);
        var answerId = await _learning.DbAsync(db => db.TaskAnswers.Where(t => t.UserId == p.UserId).Select(t => t.Id).SingleAsync());

        Assert.Contains("Pia Osallistuja", await trainer.GetStringAsync("/Trainer/Tasks"));
        Assert.Contains(LearningSite.LongAnswer, await trainer.GetStringAsync($"/Trainer/Answer/{answerId}"));
        await trainer.PostFormAsync($"/Trainer/Answer/{answerId}", new Dictionary<string, string> { ["feedback"] = "Hyvä kartta! Lisää varasuunnitelma.", ["decision"] = "accept" });

        Assert.Contains("Hyvä kartta! Lisää varasuunnitelma.", await p.Client.GetStringAsync("/courses/kurssi/alku/oma-tyo"));
        var mail = await _learning.Site.Mailbox.WaitForAsync(p.Email, m => m.Subject?.StartsWith("Kehittämistehtäväsi hyväksyttiin", StringComparison.Ordinal) == true);
        Assert.Contains("/courses/kurssi/alku/oma-tyo", mail.TextBody);
    }

    [Fact]
    public async Task A_trainer_of_another_course_does_not_see_the_answers()
    {
        _learning.Write("kurssi/course.yml", "title: Pieni kurssi\nsummary: Kuvaus.\nlanguage: fi\ncredits: 1\nhours: 27\noutcomes:\n  - Osaat.\nissuer: Testi\nsignatory:\n  name: A\ntrainers:\n  - oma.kouluttaja@example.fi\n");
        _learning.Reload();
        var p = await _learning.ParticipantAsync();
        await p.TaskAsync(LearningSite.LongAnswer, submit: true);
        var answerId = await _learning.DbAsync(db => db.TaskAnswers.Where(t => t.UserId == p.UserId).Select(t => t.Id).SingleAsync());
        await TestUsers.CreateAsync(_learning.Site.Services, "vieras.kouluttaja@example.fi", "Vieras", Roles.Trainer);
        var stranger = _learning.Site.CreateBrowserLikeClient();
        await stranger.SignInAsync("vieras.kouluttaja@example.fi", TestUsers.Password);

        Assert.DoesNotContain("Pia Osallistuja", await stranger.GetStringAsync("/Trainer/Tasks"));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Trainer/Answer/{answerId}")).StatusCode);
    }
}
