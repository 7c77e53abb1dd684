namespace RemoteGuidanceTraining.Web;

/// <summary>Absolute folders resolved once at start, created if missing.</summary>
public sealed class AppPaths
{
    public AppPaths(string contentRoot, AppOptions options)
    {
        DataFolder = Path.GetFullPath(Path.Combine(contentRoot, options.DataFolder));
        Directory.CreateDirectory(DataFolder);
    }

    public string DataFolder { get; }

    public string Resolve(string pathRelativeToData) => Path.GetFullPath(Path.Combine(DataFolder, pathRelativeToData));
}
