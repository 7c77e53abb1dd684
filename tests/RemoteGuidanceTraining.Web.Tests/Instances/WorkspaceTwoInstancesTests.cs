using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Authoring;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Authoring;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Instances;

/// <summary>
/// Two instances of the trainers' workspace on one PostgreSQL database and one courses folder: a save checked on one
/// instance and written on the other must not pass each other. Needs PostgreSQL (tests/run.sh's PostgreSQL run).
/// </summary>
[Trait("Category", TwoInstanceAcceptanceTests.Category)]
public sealed class WorkspaceTwoInstancesTests : IDisposable
{
    private const string Lesson = "01-alku/01-kanavat.md";
    private readonly WorkspaceSite _a = new();
    private readonly TestSite _b;

    public WorkspaceTwoInstancesTests()
    {
        Assert.True(TestDatabase.IsPostgres, $"This test needs PostgreSQL: tests/run.sh starts a throwaway one and sets {TestDatabase.Variable}.");
        _b = TestSite.With(new Dictionary<string, string?>
        {
            ["Courses:Folder"] = _a.CoursesFolder,
            ["Courses:Watch"] = "false",
            ["ConnectionStrings:Default"] = TestDatabase.ConnectionString(_a.Site.DataFolder),
        });
    }

    public void Dispose()
    {
        _b.Dispose();
        _a.Dispose();
    }

    [Fact]
    public async Task Two_saves_from_the_same_version_posted_at_once_to_two_instances_save_one_and_show_the_other_the_conflict()
    {
        var onA = await _a.TrainerAsync(WorkspaceSite.Editor);
        var onB = _b.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await onB.SignInAsync(WorkspaceSite.Editor, TestUsers.Password)).StatusCode);

        for (var round = 0; round < 4; round++)
        {
            var fromA = await WorkspaceSite.EditorFieldsAsync(onA, "kurssi", Lesson);
            var fromB = new Dictionary<string, string>(fromA) { ["Text"] = fromA["Text"] + $"\nB:n muutos {round}.\n" };
            fromA["Text"] += $"\nA:n muutos {round}.\n";

            var saves = await Task.WhenAll(WorkspaceSite.SaveAsync(onA, "kurssi", fromA), WorkspaceSite.SaveAsync(onB, "kurssi", fromB));

            Assert.Equal(1, saves.Count(s => s.StatusCode == HttpStatusCode.Redirect));
            var refused = saves.Single(s => s.StatusCode != HttpStatusCode.Redirect);
            Assert.Contains("Joku muu tallensi tämän tiedoston", await refused.Content.ReadAsStringAsync());
        }

        // One saved version per round, and the newest is the text on disk.
        var saved = await _a.Learning.DbAsync(db => db.Set<CourseFileRevision>().AsNoTracking()
            .Where(r => r.CourseId == "kurssi" && r.Path == Lesson && r.Action == "save")
            .OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id).ToListAsync());
        Assert.Equal(4, saved.Count);
        Assert.Equal(_a.Read("kurssi/" + Lesson), saved[0].Content);
    }

    [Fact]
    public async Task A_lock_held_on_one_instance_keeps_the_other_waiting_and_leaves_other_names_free()
    {
        var onA = _a.Site.Services.GetRequiredService<DatabaseLocks>();
        var onB = _b.Services.GetRequiredService<DatabaseLocks>();
        Task<IAsyncDisposable> waiting;
        await using (await onA.AcquireAsync("workspace:kurssi", CancellationToken.None))
        {
            waiting = onB.AcquireAsync("workspace:kurssi", CancellationToken.None);
            await using (await onB.AcquireAsync("workspace:toinen", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)))
            {
            }

            await Task.Delay(500);
            Assert.False(waiting.IsCompleted);
        }

        await using (await waiting.WaitAsync(TimeSpan.FromSeconds(10)))
        {
        }
    }
}
