using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses;

/// <summary>
/// Keeps a current <see cref="CourseCatalog"/> for a folder and rebuilds it when files change, after a short
/// quiet period (editors save in several steps). The new catalog replaces the old one in a single reference
/// swap; if building it throws, the previous catalog stays in service. A course that no longer loads is not served
/// from the previous catalog, but is remembered by its last loaded version (<see cref="CourseCatalog.Remembering"/>).
/// </summary>
public sealed class CourseCatalogWatcher : IDisposable
{
    private readonly string _root;
    private readonly FileSystemWatcher? _watcher;
    private readonly Timer _debounce;
    private readonly TimeSpan _quietPeriod;
    private readonly Action<CourseCatalog>? _onReload;
    private readonly Action<Exception>? _onError;
    private readonly CourseHost? _host;
    private readonly Lock _reloadLock = new();
    private CourseCatalog _current;

    public CourseCatalogWatcher(string rootFolder, bool watch = true, TimeSpan? quietPeriod = null,
        Action<CourseCatalog>? onReload = null, Action<Exception>? onError = null, CourseHost? host = null)
    {
        _host = host;
        _root = Path.GetFullPath(rootFolder);
        _quietPeriod = quietPeriod ?? TimeSpan.FromMilliseconds(300);
        _onReload = onReload;
        _onError = onError;
        _current = CourseLoader.Load(_root, _host);
        _debounce = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
        if (watch && Directory.Exists(_root))
        {
            _watcher = new FileSystemWatcher(_root) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
            _watcher.Changed += (_, _) => Schedule();
            _watcher.Created += (_, _) => Schedule();
            _watcher.Deleted += (_, _) => Schedule();
            _watcher.Renamed += (_, _) => Schedule();
            _watcher.EnableRaisingEvents = true;
        }
    }

    public CourseCatalog Current => Volatile.Read(ref _current);

    /// <summary>Rebuilds now; also what the watcher calls after the quiet period.</summary>
    public void Reload()
    {
        lock (_reloadLock)
        {
            try
            {
                var next = CourseLoader.Load(_root, _host).Remembering(Current);
                Volatile.Write(ref _current, next);
                _onReload?.Invoke(next);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                _onError?.Invoke(error);
            }
        }
    }

    /// <summary>
    /// Gives the catalog in service the names on record for courses (see <see cref="CourseCatalog.WithNamesOnRecord"/>);
    /// later reloads carry them on. Not a reload: nothing about the courses changes, so no reload is announced.
    /// </summary>
    public void RememberNames(IReadOnlyDictionary<string, CourseName> names)
    {
        lock (_reloadLock)
        {
            Volatile.Write(ref _current, Current.WithNamesOnRecord(names));
        }
    }

    private void Schedule() => _debounce.Change(_quietPeriod, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce.Dispose();
    }
}
