using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses.Tests;

/// <summary>One broken course never breaks the others, media never leave the folder, raw HTML images are checked (issue 10).</summary>
public sealed class RobustnessTests : IDisposable
{
    private readonly CourseFolder _folder = new CourseFolder().WithValidCourse().WithValidCourse("toinen");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_yaml_mistake_the_parser_throws_on_is_a_problem_of_that_course_only()
    {
        // YamlDotNet throws InvalidOperationException, not YamlException, for this one.
        _folder.Write("kurssi/course.yml", "title: [unclosed\nsummary: x\n");

        var catalog = CourseLoader.Load(_folder.Root);

        Assert.Contains(catalog.Problems, p => p.File == "kurssi/course.yml" && p.Severity == ProblemSeverity.Error);
        Assert.Equal(["toinen"], catalog.Courses.Select(c => c.Id));
        using var output = new StringWriter();
        Assert.Equal(1, CourseValidator.ValidateToConsole(_folder.Root, output));
        Assert.Contains("kurssi/course.yml:1: error", output.ToString());
    }

    [Fact]
    public void A_folder_symlink_inside_the_course_cannot_lead_media_out_of_it()
    {
        _folder.Write("ulkona/salainen.png", "outside");
        Directory.CreateSymbolicLink(_folder.PathOf("kurssi/01-alku/kuvat"), _folder.PathOf("ulkona"));
        var course = CourseLoader.Load(_folder.Root).Courses.Single(c => c.Id == "kurssi");

        Assert.Null(CourseMediaResolver.Resolve(course, "01-alku/kuvat/salainen.png"));
    }

    [Fact]
    public void A_markdown_image_through_a_folder_symlink_is_an_error_at_its_line()
    {
        _folder.Write("ulkona/salainen.png", "outside");
        Directory.CreateSymbolicLink(_folder.PathOf("kurssi/01-alku/kuvat"), _folder.PathOf("ulkona"));
        _folder.Write("kurssi/01-alku/01-eka.md", CourseFolder.ValidLesson.Replace("## Alkuun\n", "## Alkuun\n\n![Kuva](kuvat/salainen.png)\n", StringComparison.Ordinal));

        var catalog = CourseLoader.Load(_folder.Root);

        Assert.Contains(catalog.Problems, p => p.File == "kurssi/01-alku/01-eka.md" && p.Line == 8 && p.Message.Contains("symbolic link", StringComparison.Ordinal));
    }

    [Fact]
    public void A_raw_html_image_of_a_missing_file_is_an_error_at_its_line()
    {
        _folder.Write("kurssi/01-alku/01-eka.md", CourseFolder.ValidLesson.Replace("## Alkuun\n", "## Alkuun\n\n<img src=\"x.png\" alt=\"Kaavio\">\n", StringComparison.Ordinal));

        var catalog = CourseLoader.Load(_folder.Root);

        Assert.Contains(catalog.Problems, p => p.File == "kurssi/01-alku/01-eka.md" && p.Line == 8 && p.Severity == ProblemSeverity.Error && p.Message.Contains("file not found", StringComparison.Ordinal));
        Assert.DoesNotContain(catalog.Courses, c => c.Id == "kurssi");
    }

    [Fact]
    public void A_raw_html_image_is_served_from_the_course_and_without_alt_text_is_a_warning()
    {
        _folder.Write("kurssi/01-alku/kaavio.png", "png");
        _folder.Write("kurssi/01-alku/01-eka.md", CourseFolder.ValidLesson.Replace("## Alkuun\n", "## Alkuun\n\n<p><img src=\"kaavio.png\"></p>\n", StringComparison.Ordinal));

        var catalog = CourseLoader.Load(_folder.Root);

        Assert.Contains(catalog.Problems, p => p.File == "kurssi/01-alku/01-eka.md" && p.Line == 8 && p.Severity == ProblemSeverity.Warning && p.Message.Contains("alt", StringComparison.Ordinal));
        var lesson = catalog.Courses.Single(c => c.Id == "kurssi").Lessons.First();
        Assert.Contains("src=\"/courses/kurssi/media/01-alku/kaavio.png\"", lesson.Html);
    }
}
