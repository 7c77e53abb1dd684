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
