namespace RemoteGuidanceTraining.Web.Tests.Infrastructure;

/// <summary>A fresh folder per test site, deleted afterwards: every test starts like a fresh install.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rgt-tests", Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose()
    {
        TestDatabase.Release(Path); // on PostgreSQL the site's database is named after this folder
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (e.g. SQLite pooling) is left for the OS to clean up.
        }
    }
}
