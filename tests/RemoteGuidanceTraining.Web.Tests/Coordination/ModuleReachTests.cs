using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Learning;
using RemoteGuidanceTraining.Web.Reports;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Coordination;

public sealed class ModuleReachTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Module_figures_from_one_grouped_query_count_people_who_read_every_lesson_of_each_module()
    {
        var course = _site.Services.GetRequiredService<CatalogHolder>().Current.Find("etaohjauksen-perusteet")!;
        var modules = course.Modules;
        // Person i has read the first i lessons of the course (and a lesson id that no longer exists).
        var lessons = course.Lessons.ToList();
        var expected = new int[modules.Count];
        using (var scope = _site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            for (var i = 0; i <= lessons.Count; i++)
            {
                var user = await TestUsers.CreateAsync(_site.Services, $"lukija{i}@example.fi");
                db.Enrollments.Add(new Enrollment { UserId = user.Id, CourseId = course.Id });
                db.LessonCompletions.Add(new LessonCompletion { UserId = user.Id, CourseId = course.Id, LessonId = "poistettu" });
                foreach (var lesson in lessons.Take(i))
                {
                    db.LessonCompletions.Add(new LessonCompletion { UserId = user.Id, CourseId = course.Id, LessonId = lesson.Id });
                }

                for (var m = 0; m < modules.Count; m++)
                {
                    expected[m] += modules[m].Lessons.All(l => lessons.Take(i).Contains(l)) ? 1 : 0;
                }
            }

            await db.SaveChangesAsync();
        }

        using var reading = _site.Services.CreateScope();
        var report = await reading.ServiceProvider.GetRequiredService<ReportService>()
            .BuildAsync(course, new CoordinatorScope(true, [], [], reading.ServiceProvider.GetRequiredService<AppDbContext>().CohortMembers), new ReportQuery(course.Id), allDetails: false, CancellationToken.None);

        Assert.Equal(modules.Select(m => m.Id), report.Modules.Select(m => m.ModuleId));
        Assert.Equal(expected, report.Modules.Select(m => m.Reached));
    }
}
