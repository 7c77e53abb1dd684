using RemoteGuidanceTraining.Web.Courses;

namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>
/// When a trainer removes the last lesson, quiz or task someone had left, or lowers a pass mark, that person has met
/// every requirement without writing anything. Instead of re-checking on every page view, this re-checks each course
/// once when the catalog changes (and once at start, for changes made while the site was down): the quiz results are
/// re-judged against the current pass marks, one query per course finds the people concerned, and each is completed
/// as if by their own last write.
/// </summary>
public sealed partial class CompletionSweep(CatalogHolder catalog, IServiceScopeFactory scopes, ILogger<CompletionSweep> logger) : CatalogFollower(catalog)
{
    protected override async Task FollowAsync(CatalogHolder catalog, CancellationToken cancellationToken)
    {
        foreach (var course in catalog.Current.Courses)
        {
            try
            {
                using var scope = scopes.CreateScope();
                if (await scope.ServiceProvider.GetRequiredService<QuizPassMarks>().ApplyAsync(course, cancellationToken) is > 0 and var rejudged)
                {
                    LogRejudged(rejudged, course.Id);
                }

                var requirements = scope.ServiceProvider.GetRequiredService<Requirements>();
                var completion = scope.ServiceProvider.GetRequiredService<CompletionService>();
                foreach (var userId in await requirements.PeopleWhoMetAllAsync(course, cancellationToken))
                {
                    if (await completion.CompleteIfMetAsync(userId, course, cancellationToken) is not null)
                    {
                        LogCompleted(course.Id, userId);
                    }
                }
            }
            catch (ObjectDisposedException)
            {
                return; // the host is going away (a start that failed, a shutdown): nothing left to sweep with
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogFailed(error, course.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Completed {Course} for {User} after the course content changed.")]
    private partial void LogCompleted(string course, string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-judged {Count} quiz results of {Course} against its current pass marks.")]
    private partial void LogRejudged(int count, string course);

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-checking completions of {Course} after a content change failed; the next change or write retries.")]
    private partial void LogFailed(Exception error, string course);
}
