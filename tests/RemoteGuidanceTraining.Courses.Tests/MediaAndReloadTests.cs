using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Courses.Tests;

public sealed class MediaAndReloadTests : IDisposable
{
    private readonly CourseFolder _folder = new CourseFolder().WithValidCourse();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("../course.yml")]
    [InlineData("../../salainen.png")]
    [InlineData("01-alku/../../salainen.png")]
    [InlineData("..\\salainen.png")]
    [InlineData("/etc/passwd")]
    [InlineData("%2e%2e/%2e%2e/salainen.png")]
    [InlineData("%2E%2E%2F%2E%2E%2Fsalainen.png")]
    [InlineData("01-alku/01-eka.md")]
    [InlineData("01-alku/.piilo.png")]
    [InlineData("")]
    public void Media_paths_never_leave_the_course_folder(string path)
    {
        _folder.Write("salainen.png", "outside");
        _folder.Write("kurssi/01-alku/.piilo.png", "hidden");
        var course = CourseLoader.Load(_folder.Root).Courses.Single();

        Assert.Null(CourseMediaResolver.Resolve(course, path));
    }

    [Fact]
    public void A_symbolic_link_that_leads_out_is_refused()
    {
        _folder.Write("salainen.png", "outside");
        File.CreateSymbolicLink(_folder.PathOf("kurssi/01-alku/linkki.png"), _folder.PathOf("salainen.png"));
        var course = CourseLoader.Load(_folder.Root).Courses.Single();

        Assert.Null(CourseMediaResolver.Resolve(course, "01-alku/linkki.png"));
    }

    [Fact]
    public void A_media_file_inside_the_course_resolves()
    {
        _folder.Write("kurssi/01-alku/kuva.png", "png");
        var course = CourseLoader.Load(_folder.Root).Courses.Single();

        Assert.Equal(_folder.PathOf("kurssi/01-alku/kuva.png"), CourseMediaResolver.Resolve(course, "01-alku/kuva.png"));
    }

    [Fact]
    public void A_downloadable_csv_template_beside_a_lesson_is_linked_and_resolves()
    {
        _folder.Write("kurssi/01-alku/kanavakartta-pohja.csv", "Kanava;Kenelle;Milloin\n");
        _folder.Write("kurssi/01-alku/02-pohja.md", "---\ntitle: Pohja\n---\n\n[Kanavakarttapohja](kanavakartta-pohja.csv)\n");

        var catalog = CourseLoader.Load(_folder.Root);

        Assert.Empty(catalog.Problems);
        var course = catalog.Courses.Single();
        Assert.Contains("href=\"/courses/kurssi/media/01-alku/kanavakartta-pohja.csv\"", course.FindLesson("pohja")!.Html);
        Assert.Equal(_folder.PathOf("kurssi/01-alku/kanavakartta-pohja.csv"), CourseMediaResolver.Resolve(course, "01-alku/kanavakartta-pohja.csv"));
    }

    [Fact]
    public async Task A_saved_change_is_served_without_a_restart_and_the_catalog_is_replaced_whole()
    {
        using var watcher = new CourseCatalogWatcher(_folder.Root, quietPeriod: TimeSpan.FromMilliseconds(100));
        var before = watcher.Current;

        _folder.Write("kurssi/01-alku/01-eka.md", CourseFolder.ValidLesson.Replace("Tekstiä ja", "Päivitetty teksti ja", StringComparison.Ordinal));

        await Eventually.TrueAsync(() => watcher.Current != before, "the catalog to be replaced");

        Assert.NotSame(before, watcher.Current);
        Assert.Contains("Päivitetty teksti", watcher.Current.Courses.Single().Lessons.Single().Html);
        Assert.DoesNotContain("Päivitetty teksti", before.Courses.Single().Lessons.Single().Html);
    }

    [Fact]
    public async Task Breaking_a_course_while_running_keeps_the_others_and_reports_the_error()
    {
        _folder.WithValidCourse("toinen");
        using var watcher = new CourseCatalogWatcher(_folder.Root, quietPeriod: TimeSpan.FromMilliseconds(100));

        _folder.Write("kurssi/course.yml", "title: [rikki\n");

        await Eventually.TrueAsync(() => watcher.Current.HasErrors, "the broken course to be reported");

        Assert.Equal(["toinen"], watcher.Current.Courses.Select(c => c.Id));
        Assert.Contains(watcher.Current.Problems, p => p.File == "kurssi/course.yml");
    }

    [Fact]
    public void A_course_that_stops_loading_is_remembered_by_its_last_loaded_version_and_one_never_loaded_by_its_id()
    {
        _folder.Write("rikki/course.yml", "title: [rikki\n");
        using var watcher = new CourseCatalogWatcher(_folder.Root, watch: false);
        Assert.Null(watcher.Current.FindUnavailable("rikki")!.LastLoaded);
        Assert.Equal("rikki", watcher.Current.FindUnavailable("rikki")!.Title);

        _folder.Write("kurssi/course.yml", "title: [rikki\n");
        watcher.Reload();
        watcher.Reload(); // and stays remembered across further reloads

        Assert.Null(watcher.Current.Find("kurssi"));
        Assert.Equal("Testikurssi", watcher.Current.FindUnavailable("kurssi")!.Title);
        Assert.Null(watcher.Current.FindUnavailable("rikki")!.LastLoaded);
    }

    [Fact]
    public void A_course_not_served_and_not_remembered_is_called_by_its_name_on_record_across_reloads()
    {
        _folder.Write("rikki/course.yml", "title: [rikki\n");
        using var watcher = new CourseCatalogWatcher(_folder.Root, watch: false);
        watcher.RememberNames(new Dictionary<string, CourseName>
        {
            ["rikki"] = new("Rikottu kurssi", "sv"),
            ["poistettu"] = new("Poistettu kurssi", "fi"),
        });
        watcher.Reload(); // the names outlive a reload

        var broken = watcher.Current.FindUnavailable("rikki")!;
        Assert.Equal(("Rikottu kurssi", "sv"), (broken.Title, broken.Language));
        var removed = watcher.Current.Unserved("poistettu")!;
        Assert.True(removed.Removed);
        Assert.Equal(("Poistettu kurssi", "fi"), (removed.Title, removed.Language));
        Assert.Equal(("muu", null), (watcher.Current.Unserved("muu")!.Title, watcher.Current.Unserved("muu")!.Language));
        Assert.Equal("Testikurssi", watcher.Current.Find("kurssi")!.Title); // a course that loads is untouched
    }
}
