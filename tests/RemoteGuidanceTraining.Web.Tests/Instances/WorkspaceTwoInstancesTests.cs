using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
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
    private const string Workspace = "workspace:kurssi";
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

        var locks = _a.Site.Services.GetRequiredService<DatabaseLocks>();
        for (var round = 0; round < 4; round++)
        {
            var fromA = await WorkspaceSite.EditorFieldsAsync(onA, "kurssi", Lesson);
            var fromB = new Dictionary<string, string>(fromA) { ["Text"] = fromA["Text"] + $"\nB:n muutos {round}.\n" };
            fromA["Text"] += $"\nA:n muutos {round}.\n";

            // Both saves are held at the lock until each is seen waiting (A's in its instance, B's in PostgreSQL), so
            // they are certainly in flight together: without the lock both would pass the version check.
            Task<HttpResponseMessage[]> posted;
            await using (await locks.AcquireAsync(Workspace, CancellationToken.None))
            {
                posted = Task.WhenAll(WorkspaceSite.SaveAsync(onA, "kurssi", fromA), WorkspaceSite.SaveAsync(onB, "kurssi", fromB));
                await Eventually.TrueAsync(async () => posted.IsCompleted || (locks.WaitingInThisInstance(Workspace) == 1 && await WaitersAsync(Workspace) == 1),
                    "both saves to wait for the workspace lock");
                Assert.False(posted.IsCompleted, "a save went through while the workspace lock was held");
            }

            var saves = await posted;

            Assert.Equal(1, saves.Count(s => s.StatusCode == HttpStatusCode.Redirect));
            var refused = saves.Single(s => s.StatusCode != HttpStatusCode.Redirect);
            Assert.Contains("Tiedosto on muuttunut sen jälkeen, kun avasit sen", await refused.Content.ReadAsStringAsync());
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
        await using (await onA.AcquireAsync(Workspace, CancellationToken.None))
        {
            waiting = onB.AcquireAsync(Workspace, CancellationToken.None);
            await using (await onB.AcquireAsync("workspace:toinen", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)))
            {
            }

            await Eventually.TrueAsync(async () => waiting.IsCompleted || await WaitersAsync(Workspace) == 1, "the other instance to wait for the lock");
            Assert.False(waiting.IsCompleted);
        }

        await using (await waiting.WaitAsync(TimeSpan.FromSeconds(10)))
        {
        }
    }

    /// <summary>Sessions waiting in PostgreSQL for the named lock (a bigint advisory key shows as classid:objid, objsubid 1).</summary>
    private async Task<long> WaitersAsync(string name)
    {
        var key = DatabaseLocks.KeyOf(name);
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString(_a.Site.DataFolder));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objsubid = 1 " +
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) " +
            "AND classid::bigint = @high AND objid::bigint = @low", connection);
        command.Parameters.AddWithValue("high", (key >> 32) & 0xFFFFFFFFL);
        command.Parameters.AddWithValue("low", key & 0xFFFFFFFFL);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
