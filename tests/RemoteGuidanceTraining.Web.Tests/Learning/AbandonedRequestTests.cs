using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Learning;
using RemoteGuidanceTraining.Web.Reports;

namespace RemoteGuidanceTraining.Web.Tests.Learning;

/// <summary>
/// A request its browser gave up on (the tab closed, a big export abandoned): reads and the person's own write stop,
/// but a write that was saved is carried through to the completion it earned.
/// </summary>
public sealed class AbandonedRequestTests : IDisposable
{
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task A_report_nobody_waits_for_stops_querying()
    {
        await _learning.ParticipantAsync();
        using var scope = _learning.Site.Services.CreateScope();
        var course = scope.ServiceProvider.GetRequiredService<CatalogHolder>().Current.Find("kurssi")!;
        var everyone = new CoordinatorScope(true, [], [], scope.ServiceProvider.GetRequiredService<AppDbContext>().CohortMembers);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scope.ServiceProvider.GetRequiredService<ReportService>()
            .BuildAsync(course, everyone, new ReportQuery("kurssi"), allDetails: true, new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task An_answer_sent_from_an_abandoned_request_is_not_saved()
    {
        var p = await _learning.ParticipantAsync();
        using var scope = _learning.Site.Services.CreateScope();
        var (course, task) = TaskOf(scope);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scope.ServiceProvider.GetRequiredService<ProgressService>()
            .SaveTaskAnswerAsync(p.UserId, course, task, LearningSite.LongAnswer, submit: true, lesson: null, new CancellationToken(canceled: true)));

        Assert.Equal(0, await _learning.DbAsync(db => db.TaskAnswers.CountAsync(a => a.UserId == p.UserId)));
    }

    [Fact]
    public async Task An_answer_saved_just_before_the_request_was_abandoned_still_completes_the_course()
    {
        var p = await _learning.ParticipantAsync();
        await p.DoneAsync("alku/kanavat");
        await p.AnswerQuizAsync("b");
        await p.DoneAsync("alku/oma-tyo");
        using var scope = _learning.Site.Services.CreateScope();
        var (course, task) = TaskOf(scope);
        using var browser = new CancellationTokenSource();
        // The browser goes away the moment the answer is saved, before the completion is checked.
        scope.ServiceProvider.GetRequiredService<AppDbContext>().SavedChanges += (_, _) => browser.Cancel();

        var (outcome, completed) = await scope.ServiceProvider.GetRequiredService<ProgressService>()
            .SaveTaskAnswerAsync(p.UserId, course, task, LearningSite.LongAnswer, submit: true, lesson: null, browser.Token);

        Assert.True(browser.IsCancellationRequested);
        Assert.Equal((TaskSaveOutcome.Saved, true), (outcome, completed));
        Assert.Equal(1, await _learning.CompletionsAsync(p.UserId));
        Assert.Equal(1, await _learning.DbAsync(db => db.Certificates.CountAsync(c => c.UserId == p.UserId)));
    }

    private static (RemoteGuidanceTraining.Courses.Model.Course Course, RemoteGuidanceTraining.Courses.Model.CourseTask Task) TaskOf(IServiceScope scope)
    {
        var course = scope.ServiceProvider.GetRequiredService<CatalogHolder>().Current.Find("kurssi")!;
        return (course, course.Tasks.Single(t => t.Id == "kanavakartta"));
    }
}
