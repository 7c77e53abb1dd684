using RemoteGuidanceTraining.Courses;
using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Web.Courses;

/// <summary>The site's one course catalog, reloaded when files change; pages read <see cref="Current"/> once per request.</summary>
public sealed class CatalogHolder : IDisposable
{
    private readonly CourseCatalogWatcher _watcher;

    public CatalogHolder(string folder, bool watch, TimeProvider clock, ILogger<CatalogHolder> logger)
    {
        _watcher = new CourseCatalogWatcher(folder, watch, onReload: catalog =>
            {
                Log(catalog, logger);
                Reloaded?.Invoke(catalog);
            },
            onError: error => logger.ReloadFailed(error),
            host: CourseRoutes.Host(clock));
        Log(_watcher.Current, logger);
    }

    public CourseCatalog Current => _watcher.Current;

    /// <summary>Raised after a new catalog is in service (on the reloading thread: handlers should only hand the work off).</summary>
    public event Action<CourseCatalog>? Reloaded;

    public void Reload() => _watcher.Reload();

    /// <summary>See <see cref="CourseCatalogWatcher.RememberNames"/>; set by <see cref="CourseNameRecord"/>.</summary>
    public void RememberNames(IReadOnlyDictionary<string, CourseName> names) => _watcher.RememberNames(names);

    public void Dispose() => _watcher.Dispose();

    private static void Log(CourseCatalog catalog, ILogger logger)
    {
        logger.CatalogLoaded(catalog.Courses.Count, catalog.RootFolder);
        foreach (var problem in catalog.Problems)
        {
            logger.CourseProblem(problem.Severity == ProblemSeverity.Error ? LogLevel.Error : LogLevel.Warning, problem.ToString());
        }
    }
}
