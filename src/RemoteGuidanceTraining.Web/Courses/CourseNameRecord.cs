using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Courses;

/// <summary>
/// Records the title and language of every course that loads, at start and after each reload, and hands the names
/// on record to the catalog. Without it a course whose folder was removed (or broke) before the site restarted is
/// known only by its id: people enrolled in it would read "etaohjauksen-perusteet" where its title stood.
/// </summary>
public sealed partial class CourseNameRecord(CatalogHolder catalog, IServiceScopeFactory scopes, ILogger<CourseNameRecord> logger) : CatalogFollower(catalog)
{
    protected override async Task FollowAsync(CatalogHolder catalog, CancellationToken cancellationToken)
    {
        // A second instance may record the same new course at the same moment: its insert wins, and the next pass,
        // which finds the row, has nothing left to do.
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var recorded = await db.Set<RecordedCourseName>().ToDictionaryAsync(n => n.CourseId, cancellationToken);
                foreach (var course in catalog.Current.Courses)
                {
                    if (!recorded.TryGetValue(course.Id, out var name))
                    {
                        name = new RecordedCourseName { CourseId = course.Id, Title = course.Title, Language = course.Language };
                        db.Add(name);
                        recorded.Add(course.Id, name);
                    }

                    name.Title = course.Title;
                    name.Language = course.Language;
                }

                await db.SaveChangesAsync(cancellationToken);
                catalog.RememberNames(recorded.Values.ToDictionary(n => n.CourseId, n => new CourseName(n.Title, n.Language)));
                return;
            }
            catch (ObjectDisposedException)
            {
                return; // the host is going away (a start that failed, a shutdown)
            }
            catch (DbUpdateException error) when (attempt == 1 && error.IsUniqueViolation())
            {
                // Recorded by another instance in between: read again.
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogFailed(error);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording the courses' names failed; the next change of the courses retries. A course removed meanwhile is named by its id.")]
    private partial void LogFailed(Exception error);
}
