using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Foundation;

/// <summary>
/// Relative paths in the settings start from one folder, the content root, wherever the site is started from:
/// started from another directory it used to put its database in bin/data and serve no courses.
/// </summary>
public sealed class ContentRootTests
{
    [Fact]
    public async Task Relative_paths_start_from_the_web_project_whatever_the_working_directory()
    {
        using var work = new TempFolder();
        using var data = new TempFolder();
        var elsewhere = Directory.CreateDirectory(Path.Combine(work.Path, "a", "b", "c", "d", "e", "f")).FullName;
        var dataFromProject = Path.GetRelativePath(RepoPaths.WebProject, data.Path);

        var (_, output, _) = await SiteCommand.RunAsync(elsewhere,
            ["--environment=Development", "--urls=http://127.0.0.1:5343", $"--App:DataFolder={dataFromProject}"], until: "Application started");

        Assert.Contains($"course(s) from {RepoPaths.Courses}.", output);
        Assert.DoesNotContain("Loaded 0 course(s)", output);
        Assert.True(File.Exists(Path.Combine(data.Path, "app.db")), output);
    }

    [Fact]
    public async Task Validate_courses_finds_the_configured_courses_whatever_the_working_directory()
    {
        using var work = new TempFolder();

        var (exitCode, output, error) = await SiteCommand.RunAsync(work.Path, ["validate-courses"]);

        Assert.True(exitCode == 0, output + error);
        Assert.Contains($"in {RepoPaths.Courses}", output);
    }
}
