using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Web.Courses;

/// <summary>
/// Background work done once at start (for changes made while the site was down) and again after every catalog
/// reload. Reloads that arrive while a pass runs collapse into one more pass.
/// </summary>
public abstract class CatalogFollower(CatalogHolder catalog) : BackgroundService
{
    private readonly SemaphoreSlim _changed = new(0, 1);

    /// <summary>One pass over the catalog in service; errors are the pass's own to log (the next change retries).</summary>
    protected abstract Task FollowAsync(CatalogHolder catalog, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        catalog.Reloaded += OnReloaded;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await FollowAsync(catalog, stoppingToken);
                await _changed.WaitAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            catalog.Reloaded -= OnReloaded;
        }
    }

    private void OnReloaded(CourseCatalog _)
    {
        try
        {
            _changed.Release();
        }
        catch (SemaphoreFullException)
        {
            // A pass is already due.
        }
    }
}
