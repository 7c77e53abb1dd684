namespace RemoteGuidanceTraining.Web;

/// <summary>
/// The one folder every relative path in the settings starts from (App:DataFolder, Courses:Folder). ASP.NET Core's
/// default is the current directory, so the same build put its database in bin/data when started from its output
/// folder and found no courses when started anywhere else. Unless --contentRoot (or ASPNETCORE_CONTENTROOT) names
/// one, it is the web project's folder when the site runs from its own build output (dotnet run, or the dll in
/// bin/), and otherwise the folder the site was published to.
/// </summary>
public static class ContentRoot
{
    private const string ProjectFile = "RemoteGuidanceTraining.Web.csproj";

    /// <summary>
    /// The command line with a relative --contentRoot made absolute from the working directory, as a folder typed in a
    /// shell is meant (ASP.NET Core would take it from the site's own build folder). A folder that does not exist
    /// stops the start with one line; ASP.NET Core threw an unhandled DirectoryNotFoundException.
    /// </summary>
    public static string[] Absolute(string[] args)
    {
        var result = (string[])args.Clone();
        for (var i = 0; i < result.Length; i++)
        {
            var inline = result[i].StartsWith(Option + "=", StringComparison.OrdinalIgnoreCase);
            if (!inline && !(string.Equals(result[i], Option, StringComparison.OrdinalIgnoreCase) && i + 1 < result.Length))
            {
                continue;
            }

            var at = inline ? i : i + 1;
            var folder = Path.GetFullPath(inline ? result[i][(Option.Length + 1)..] : result[at]);
            if (!Directory.Exists(folder))
            {
                throw new StartupException($"{Option} names a folder that does not exist: {folder}. It must be the web project's folder or the publish folder (they hold appsettings.json and wwwroot).");
            }

            result[at] = inline ? $"{Option}={folder}" : folder;
        }

        return result;
    }

    private const string Option = "--contentRoot";

    /// <summary>Null when the command line or the environment already names a content root.</summary>
    public static string? Default(string[] args)
    {
        if (args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT")))
        {
            return null;
        }

        return Of(AppContext.BaseDirectory);
    }

    /// <summary>bin/{Configuration}/{TargetFramework}/ under the project's folder is the build output; anything else is a published site.</summary>
    public static string Of(string appFolder)
    {
        var output = new DirectoryInfo(appFolder);
        var project = output.Parent?.Parent?.Parent;
        return output.Parent?.Parent is { Name: "bin" } && project is not null && File.Exists(Path.Combine(project.FullName, ProjectFile))
            ? project.FullName
            : output.FullName;
    }
}
