namespace RemoteGuidanceTraining.Web;

/// <summary>Where the site keeps its files; the data folder is created, and proven writable, at start.</summary>
public sealed class AppPaths
{
    public AppPaths(string contentRoot, AppOptions options)
    {
        DataFolder = Path.GetFullPath(Path.Combine(contentRoot, options.DataFolder));
        try
        {
            Directory.CreateDirectory(DataFolder);
            ProbeWrite(DataFolder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"The data folder {DataFolder} cannot be written: {e.Message}", e);
        }
    }

    public string DataFolder { get; }

    public string Resolve(string pathRelativeToData) => Path.GetFullPath(Path.Combine(DataFolder, pathRelativeToData));

    /// <summary>Writes and removes a small file: a read-only or full folder fails here, not in the middle of a request.</summary>
    public static void ProbeWrite(string folder)
    {
        var probe = Path.Combine(folder, $".write-probe-{Guid.NewGuid():N}");
        File.WriteAllBytes(probe, new byte[4096]);
        File.Delete(probe);
    }
}

/// <summary>A setting or the machine is not as the site needs it: the message says which, and the site exits with it.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
