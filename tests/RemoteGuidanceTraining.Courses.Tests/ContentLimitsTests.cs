using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses.Tests;

/// <summary>
/// Ids and titles go into database columns of a fixed length (progress, certificates, mail subjects): the engine
/// refuses longer ones at their file:line, so a course that loads never makes a participant's request fail later.
/// Each limit is tested one over (refused) and exactly at it (served).
/// </summary>
public sealed class ContentLimitsTests : IDisposable
{
    private readonly CourseFolder _folder = new CourseFolder().WithValidCourse();

    public void Dispose() => _folder.Dispose();

    private static string Id(int length) => new('a', length);

    private static string Title(int length) => new('T', length);

    [Fact]
    public void A_quiz_id_over_100_characters_is_refused_at_its_line()
    {
        _folder.Write("kurssi/01-alku/01-eka.md", CourseFolder.ValidLesson.Replace(":::: quiz visa", $":::: quiz {Id(101)}", StringComparison.Ordinal));

        AssertProblem("kurssi/01-alku/01-eka.md", 13, "quiz id", "at most 100");
    }

    [Fact]
    public void A_task_id_over_100_characters_is_refused_at_its_line()
    {
        _folder.Write("kurssi/01-alku/01-eka.md", CourseFolder.ValidLesson.Replace("::: task tehtava", $"::: task {Id(101)}", StringComparison.Ordinal));

        AssertProblem("kurssi/01-alku/01-eka.md", 24, "task id", "at most 100");
    }

    [Fact]
    public void A_question_id_over_100_characters_is_refused_at_its_line()
    {
        _folder.Write("kurssi/01-alku/01-eka.md", CourseFolder.ValidLesson.Replace("::: question kysymys-1", $"::: question {Id(101)}", StringComparison.Ordinal));

        AssertProblem("kurssi/01-alku/01-eka.md", 14, "question id", "at most 100");
    }

    [Fact]
    public void A_lesson_id_over_100_characters_is_refused()
    {
        _folder.Write($"kurssi/01-alku/02-{Id(101)}.md", "---\ntitle: Toka\n---\n\nTekstiä.\n");

        AssertProblem($"kurssi/01-alku/02-{Id(101)}.md", 1, "lesson id", "at most 100");
    }

    [Fact]
    public void A_lesson_id_in_front_matter_over_100_characters_is_refused()
    {
        _folder.Write("kurssi/01-alku/02-toka.md", $"---\ntitle: Toka\nid: {Id(101)}\n---\n\nTekstiä.\n");

        AssertProblem("kurssi/01-alku/02-toka.md", 1, "lesson id", "at most 100");
    }

    [Fact]
    public void A_module_id_over_100_characters_is_refused()
    {
        _folder.Write($"kurssi/02-{Id(101)}/module.yml", "title: Jatko\n");
        _folder.Write($"kurssi/02-{Id(101)}/01-lisaa.md", "---\ntitle: Lisää\n---\n\nTekstiä.\n");

        AssertProblem($"kurssi/02-{Id(101)}", 1, "module id", "at most 100");
    }

    [Fact]
    public void A_course_folder_name_over_100_characters_is_refused()
    {
        var id = Id(101);
        _folder.WithValidCourse(id);

        var catalog = CourseLoader.Load(_folder.Root);

        Assert.Contains(catalog.Problems, p => p.File == id && p.Line == 1 && p.Severity == ProblemSeverity.Error && p.Message.Contains("at most 100", StringComparison.Ordinal));
        Assert.DoesNotContain(catalog.Courses, c => c.Id == id);
        Assert.Contains(catalog.Courses, c => c.Id == "kurssi");
    }

    [Fact]
    public void Ids_of_exactly_100_characters_are_served()
    {
        var id = Id(100);
        _folder.WithValidCourse(id);
        _folder.Write($"{id}/01-alku/01-eka.md", CourseFolder.ValidLesson
            .Replace(":::: quiz visa", $":::: quiz {id}", StringComparison.Ordinal)
            .Replace("::: question kysymys-1", $"::: question {id}", StringComparison.Ordinal)
            .Replace("::: task tehtava", $"::: task {id}", StringComparison.Ordinal));
        _folder.Write($"{id}/02-{id}/module.yml", "title: Jatko\n");
        _folder.Write($"{id}/02-{id}/01-{id}.md", "---\ntitle: Lisää\n---\n\nTekstiä.\n");

        var catalog = CourseLoader.Load(_folder.Root);

        Assert.Empty(catalog.Problems);
        var course = Assert.Single(catalog.Courses, c => c.Id == id);
        Assert.Equal(id, course.Quizzes.Single().Id);
        Assert.Equal(id, course.Tasks.Single().Id);
        Assert.Equal(id, course.Lessons.Last().Id);
    }

    [Fact]
    public void A_course_title_over_200_characters_is_refused_at_its_line()
    {
        _folder.Write("kurssi/course.yml", CourseFolder.ValidCourseYml.Replace("title: Testikurssi", $"title: {Title(201)}", StringComparison.Ordinal));

        AssertProblem("kurssi/course.yml", 1, "'title'", "at most 200");
    }

    [Theory]
    [InlineData(11, 10, "has 11 items: at most 10 fit on the certificate")] // eleven short ones
    [InlineData(10, 121, "has 1210 characters in all: at most 1200 fit on the certificate")] // ten of 121 characters
    [InlineData(10, 120, null)] // the most that fits
    public void Outcomes_that_would_not_all_fit_on_the_certificate_are_refused_at_their_list(int count, int length, string? problem)
    {
        var outcomes = string.Concat(Enumerable.Range(1, count).Select(_ => $"\n  - {new string('o', length)}"));
        _folder.Write("kurssi/course.yml", CourseFolder.ValidCourseYml.Replace("outcomes:\n  - Osaat jotain.", "outcomes:" + outcomes, StringComparison.Ordinal));

        if (problem is null)
        {
            Assert.Empty(CourseLoader.Load(_folder.Root).Problems);
        }
        else
        {
            AssertProblem("kurssi/course.yml", 9, "'outcomes'", problem); // the list's first line
        }
    }

    [Fact]
    public void A_module_title_over_200_characters_is_refused_at_its_line()
    {
        _folder.Write("kurssi/01-alku/module.yml", $"objectives:\n  - Tavoite.\ntitle: {Title(201)}\n");

        AssertProblem("kurssi/01-alku/module.yml", 3, "'title'", "at most 200");
    }

    [Fact]
    public void A_lesson_title_over_200_characters_is_refused_at_its_line()
    {
        _folder.Write("kurssi/01-alku/02-toka.md", $"---\nminutes: 5\ntitle: {Title(201)}\n---\n\nTekstiä.\n");

        AssertProblem("kurssi/01-alku/02-toka.md", 3, "'title'", "at most 200");
    }

    [Fact]
    public void A_version_over_40_characters_is_refused_at_its_line()
    {
        _folder.Write("kurssi/course.yml", CourseFolder.ValidCourseYml.Replace("version: \"2026.1\"", $"version: \"{new string('1', 41)}\"", StringComparison.Ordinal));

        AssertProblem("kurssi/course.yml", 6, "'version'", "at most 40");
    }

    [Theory]
    [InlineData("0.25")]
    [InlineData("10000")]
    public void Credits_a_certificate_cannot_record_are_refused_at_their_line(string credits)
    {
        _folder.Write("kurssi/course.yml", CourseFolder.ValidCourseYml.Replace("credits: 2.5", $"credits: {credits}", StringComparison.Ordinal));

        AssertProblem("kurssi/course.yml", 4, "'credits'", "one decimal");
    }

    [Fact]
    public void Titles_of_exactly_200_characters_and_a_version_of_40_are_served()
    {
        _folder.Write("kurssi/course.yml", CourseFolder.ValidCourseYml
            .Replace("title: Testikurssi", $"title: {Title(200)}", StringComparison.Ordinal)
            .Replace("version: \"2026.1\"", $"version: \"{new string('1', 40)}\"", StringComparison.Ordinal)
            .Replace("credits: 2.5", "credits: 9999.5", StringComparison.Ordinal));
        _folder.Write("kurssi/01-alku/module.yml", $"title: {Title(200)}\n");
        _folder.Write("kurssi/01-alku/02-toka.md", $"---\ntitle: {Title(200)}\n---\n\nTekstiä.\n");

        var catalog = CourseLoader.Load(_folder.Root);

        Assert.Empty(catalog.Problems);
        var course = Assert.Single(catalog.Courses);
        Assert.Equal(200, course.Title.Length);
        Assert.Equal(200, course.Modules.Single().Title.Length);
        Assert.Equal(200, course.Lessons.Last().Title.Length);
        Assert.Equal(40, course.Version.Length);
    }

    private void AssertProblem(string file, int line, params string[] messageParts)
    {
        var catalog = CourseLoader.Load(_folder.Root);
        Assert.True(catalog.Problems.Any(p => p.File == file && p.Line == line && p.Severity == ProblemSeverity.Error
                && messageParts.All(part => p.Message.Contains(part, StringComparison.Ordinal))),
            $"Expected {file}:{line} '{string.Join("', '", messageParts)}', got:\n" + string.Join("\n", catalog.Problems));
        Assert.DoesNotContain(catalog.Courses, c => c.Id == "kurssi");
    }
}
