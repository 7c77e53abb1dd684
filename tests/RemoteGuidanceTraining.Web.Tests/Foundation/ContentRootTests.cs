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
    public async Task A_relative_content_root_is_read_from_the_working_directory()
    {
        // ASP.NET Core took it from the site's build folder and stopped with an unhandled DirectoryNotFoundException.
        using var data = new TempFolder();
        var fromRepo = Path.GetRelativePath(RepoPaths.Root, RepoPaths.WebProject);

        var (_, output, error) = await SiteCommand.RunAsync(RepoPaths.Root,
            ["--environment=Development", "--urls=http://127.0.0.1:5347", $"--App:DataFolder={data.Path}", $"--contentRoot={fromRepo}"], until: "Application started");

        Assert.Contains("Application started", output);
        Assert.Contains($"course(s) from {RepoPaths.Courses}.", output);
        Assert.DoesNotContain("Unhandled", output + error);
    }

    [Fact]
    public async Task A_content_root_that_does_not_exist_stops_the_start_with_one_line()
    {
        using var work = new TempFolder();

        var (exitCode, output, error) = await SiteCommand.RunAsync(work.Path, ["--environment=Development", "--contentRoot", "ei-ole"]);

        Assert.Equal(1, exitCode);
        var line = Assert.Single((output + error).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"The site cannot start: --contentRoot names a folder that does not exist: {Path.Combine(work.Path, "ei-ole")}. "
            + "It must be the web project's folder or the publish folder (they hold appsettings.json and wwwroot).", line.Trim());
    }

    [Fact]
    public async Task Validate_courses_finds_the_configured_courses_whatever_the_working_directory()
    {
        using var work = new TempFolder();

        var (exitCode, output, error) = await SiteCommand.RunAsync(work.Path, ["validate-courses"]);

        Assert.True(exitCode == 0, output + error);
        Assert.Contains($"in {RepoPaths.Courses}", output);
    }

    [Fact]
    public async Task Validate_courses_reads_a_relative_folder_from_the_working_directory_under_dotnet_run()
    {
        // A folder typed on the command line is the user's, read from where they are, as any command reads it; the
        // web SDK's `dotnet run` used to start the site in its project folder, where the folder was "not found".
        using var work = new TempFolder();
        WriteCourse(Path.Combine(work.Path, "kurssit", "pieni"));

        var underDotnetRun = await SiteCommand.DotnetRunAsync(work.Path, ["validate-courses", "kurssit"]);
        var fromTheDll = await SiteCommand.RunAsync(work.Path, ["validate-courses", "kurssit"]);

        foreach (var (exitCode, output, error) in new[] { underDotnetRun, fromTheDll })
        {
            Assert.True(exitCode == 0, output + error);
            Assert.Contains($"1 valid course(s), 1 lesson(s); 0 error(s), 0 warning(s) in {Path.Combine(work.Path, "kurssit")}", output);
        }
    }

    private static void WriteCourse(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "01-osa"));
        File.WriteAllText(Path.Combine(folder, "course.yml"), "title: Pieni kurssi\nsummary: Kuvaus.\nlanguage: fi\ncredits: 1\nhours: 27\nversion: \"1\"\noutcomes:\n  - Osaat.\nissuer: Testiverkosto\nsignatory:\n  name: Allekirjoittaja\n");
        File.WriteAllText(Path.Combine(folder, "01-osa", "module.yml"), "title: Osa\n");
        File.WriteAllText(Path.Combine(folder, "01-osa", "01-tunti.md"), "---\ntitle: Tunti\nminutes: 10\n---\n\nTekstiä.\n");
    }
}
