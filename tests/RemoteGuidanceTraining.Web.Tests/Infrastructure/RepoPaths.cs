namespace RemoteGuidanceTraining.Web.Tests.Infrastructure;

public static class RepoPaths
{
    /// <summary>The folder holding RemoteGuidanceTraining.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string WebProject => Path.Combine(Root, "src", "RemoteGuidanceTraining.Web");

    public static string Courses => Path.Combine(Root, "courses");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RemoteGuidanceTraining.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("RemoteGuidanceTraining.sln not found above " + AppContext.BaseDirectory);
    }
}
