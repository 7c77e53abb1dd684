using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses.Tests;

/// <summary>course.yml `editors:` (who edits in the site's workspace) and `status: draft|published`.</summary>
public sealed class EditorsAndStatusTests : IDisposable
{
    private readonly CourseFolder _folder = new CourseFolder().WithValidCourse();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Without_the_fields_a_course_is_published_and_has_no_editors()
    {
        var course = Assert.Single(CourseLoader.Load(_folder.Root).Courses);

        Assert.False(course.IsDraft);
        Assert.Empty(course.Editors);
    }

    [Fact]
    public void Editors_are_read_in_lowercase_and_a_draft_is_marked()
    {
        _folder.Write("kurssi/course.yml", CourseFolder.ValidCourseYml + "\nstatus: draft\neditors:\n  - Kaisa.Kouluttaja@Example.fi\n");

        var catalog = CourseLoader.Load(_folder.Root);

        Assert.Empty(catalog.Problems);
        var course = Assert.Single(catalog.Courses);
        Assert.True(course.IsDraft);
        Assert.Equal(["kaisa.kouluttaja@example.fi"], course.Editors);
    }

    [Fact]
    public void An_editor_that_is_not_an_e_mail_address_is_a_warning_at_its_own_line()
    {
        _folder.Write("kurssi/course.yml", CourseFolder.ValidCourseYml + "\neditors:\n  - kaisa@example.fi\n  - Kaisa Kouluttaja\n");

        var catalog = CourseLoader.Load(_folder.Root);

        var problem = Assert.Single(catalog.Problems);
        Assert.Equal(("kurssi/course.yml", 18, ProblemSeverity.Warning), (problem.File, problem.Line, problem.Severity));
        Assert.Contains("'Kaisa Kouluttaja' is not an e-mail address", problem.Message);
        Assert.Equal(["kaisa@example.fi", "kaisa kouluttaja"], Assert.Single(catalog.Courses).Editors);
    }

    [Fact]
    public void An_unknown_status_is_an_error_at_its_line()
    {
        _folder.Write("kurssi/course.yml", CourseFolder.ValidCourseYml + "\nstatus: valmis\n");

        var catalog = CourseLoader.Load(_folder.Root);

        var problem = Assert.Single(catalog.Problems);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.Equal("kurssi/course.yml", problem.File);
        Assert.Equal(16, problem.Line);
        Assert.Contains("status 'valmis'", problem.Message);
    }

    [Fact]
    public void One_course_folder_loads_on_its_own_with_the_same_problem_paths()
    {
        _folder.Write("kurssi/01-alku/02-toka.md", "---\nminutes: 5\n---\n\nTekstiä.\n");

        var result = CourseLoader.LoadCourse(_folder.Root, Path.Combine(_folder.Root, "kurssi"));

        Assert.Null(result.Course);
        Assert.Contains(result.Problems, p => p.File == "kurssi/01-alku/02-toka.md" && p.Line == 1);
    }
}
