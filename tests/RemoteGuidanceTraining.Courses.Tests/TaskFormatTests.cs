using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses.Tests;

/// <summary>
/// The 2026.2 task and quiz format: `:::: task id minlength= hours= title="…"` with a nested `::: rubric` list,
/// and `title="…"` on quizzes. One test per rule, each naming the file:line a trainer is pointed to.
/// </summary>
public sealed class TaskFormatTests : IDisposable
{
    private const string RubricTask = """
        ---
        title: Kanavakartta
        minutes: 10
        ---

        Tekstiä ennen tehtävää.

        :::: task oma-kanavakartta minlength=1500 hours=4.5 title="Oman palvelun kanavakartta"
        Kuvaa palvelusi kanavat.

        ::: rubric
        - Kartassa on **jokainen** kanava.
        - Varasuunnitelma on kuvattu.
        - Saavutettavuus on arvioitu.
        :::
        ::::
        """;

    private readonly CourseFolder _folder = new CourseFolder().WithValidCourse();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_task_with_a_rubric_exposes_title_hours_and_criteria_and_its_prompt_leaves_the_rubric_out()
    {
        _folder.Write("kurssi/01-alku/02-kartta.md", RubricTask);

        var catalog = CourseLoader.Load(_folder.Root);

        Assert.Empty(catalog.Problems);
        var lesson = catalog.Courses.Single().FindLesson("kartta")!;
        var task = lesson.Tasks.Single();
        Assert.Equal(("oma-kanavakartta", "Oman palvelun kanavakartta", 4.5m, 1500), (task.Id, task.Title, task.Hours, task.MinLength));
        Assert.Equal(["Kartassa on <strong>jokainen</strong> kanava.", "Varasuunnitelma on kuvattu.", "Saavutettavuus on arvioitu."], task.Rubric);
        Assert.Contains("Kuvaa palvelusi kanavat.", task.PromptHtml);
        Assert.DoesNotContain("Varasuunnitelma", task.PromptHtml);
        Assert.Contains("<div class=\"rgt-task\" data-task-id=\"oma-kanavakartta\"></div>", lesson.Html);
        Assert.DoesNotContain("Varasuunnitelma", lesson.Html);
        Assert.DoesNotContain(":::", lesson.Html);
    }

    [Fact]
    public void The_old_task_form_stays_valid_with_the_lesson_title_one_hour_and_no_rubric()
    {
        var catalog = CourseLoader.Load(_folder.Root);

        var task = catalog.Courses.Single().Tasks.Single();
        Assert.Equal(("Ensimmäinen oppitunti", 1m), (task.Title, task.Hours));
        Assert.Empty(task.Rubric);
        Assert.Empty(catalog.Problems);
    }

    [Fact]
    public void A_quiz_title_is_read_and_defaults_to_the_lesson_title()
    {
        _folder.Write("kurssi/01-alku/02-toka.md", """
            ---
            title: Toka
            ---

            :::: quiz nimetty pass=70 title="Kanavan valinta: tapaukset"
            ::: question q1
            Kumpi?

            - [x] Oikea
            - [ ] Väärä

            Siksi.
            :::
            ::::
            """);

        var course = CourseLoader.Load(_folder.Root).Courses.Single();

        Assert.Equal("Kanavan valinta: tapaukset", course.Quizzes.Single(q => q.Id == "nimetty").Title);
        Assert.Equal(70, course.Quizzes.Single(q => q.Id == "nimetty").PassMark);
        Assert.Equal("Ensimmäinen oppitunti", course.Quizzes.Single(q => q.Id == "visa").Title);
    }

    [Fact]
    public void An_empty_rubric_is_reported_at_its_line()
    {
        _folder.Write("kurssi/01-alku/02-kartta.md", Replace(RubricTask, "- Kartassa on **jokainen** kanava.\n- Varasuunnitelma on kuvattu.\n- Saavutettavuus on arvioitu.\n", ""));

        AssertError("kurssi/01-alku/02-kartta.md", 11, "The rubric is empty");
    }

    [Fact]
    public void A_rubric_outside_a_task_is_reported()
    {
        _folder.Write("kurssi/01-alku/02-toka.md", "---\ntitle: Toka\n---\n\n::: rubric\n- Kriteeri.\n:::\n");

        AssertError("kurssi/01-alku/02-toka.md", 5, "A rubric must be inside a task");
    }

    [Fact]
    public void Text_instead_of_a_bulleted_list_in_a_rubric_is_reported_at_the_text()
    {
        _folder.Write("kurssi/01-alku/02-kartta.md", Replace(RubricTask, "- Kartassa on **jokainen** kanava.", "Kartassa on jokainen kanava.\n"));

        AssertError("kurssi/01-alku/02-kartta.md", 12, "Only one bulleted list");
    }

    [Fact]
    public void A_numbered_list_in_a_rubric_is_reported()
    {
        _folder.Write("kurssi/01-alku/02-kartta.md", Replace(RubricTask, "- Kartassa on **jokainen** kanava.\n- Varasuunnitelma on kuvattu.\n- Saavutettavuus on arvioitu.", "1. Kartta.\n2. Varasuunnitelma."));

        AssertError("kurssi/01-alku/02-kartta.md", 12, "Only one bulleted list");
    }

    [Fact]
    public void Two_rubrics_in_one_task_are_reported_at_the_second()
    {
        _folder.Write("kurssi/01-alku/02-kartta.md", Replace(RubricTask, ":::\n::::", ":::\n\n::: rubric\n- Lisää.\n:::\n::::"));

        AssertError("kurssi/01-alku/02-kartta.md", 17, "more than one rubric");
    }

    [Fact]
    public void A_rubric_with_an_id_or_options_is_reported()
    {
        _folder.Write("kurssi/01-alku/02-kartta.md", Replace(RubricTask, "::: rubric", "::: rubric kriteerit"));

        AssertError("kurssi/01-alku/02-kartta.md", 11, "'::: rubric' takes no id");
    }

    [Theory]
    [InlineData("hours=paljon")]
    [InlineData("hours=0")]
    [InlineData("hours=1,5")]
    [InlineData("hours=500")]
    public void Task_hours_that_are_not_a_sensible_number_are_reported(string hours)
    {
        _folder.Write("kurssi/01-alku/02-kartta.md", Replace(RubricTask, "hours=4.5", hours));

        AssertError("kurssi/01-alku/02-kartta.md", 8, hours);
    }

    [Fact]
    public void An_empty_or_overlong_title_is_reported()
    {
        _folder.Write("kurssi/01-alku/02-kartta.md", Replace(RubricTask, "title=\"Oman palvelun kanavakartta\"", "title=\"\""));
        AssertError("kurssi/01-alku/02-kartta.md", 8, "a title must have 1-150 characters");

        _folder.Write("kurssi/01-alku/02-kartta.md", Replace(RubricTask, "Oman palvelun kanavakartta", new string('x', 151)));
        AssertError("kurssi/01-alku/02-kartta.md", 8, "a title must have 1-150 characters");
    }

    [Fact]
    public void An_unclosed_quote_is_reported()
    {
        _folder.Write("kurssi/01-alku/02-kartta.md", Replace(RubricTask, "title=\"Oman palvelun kanavakartta\"", "title=\"Oman palvelun kanavakartta"));

        AssertError("kurssi/01-alku/02-kartta.md", 8, "no closing '\"'");
    }

    [Fact]
    public void An_unknown_option_is_a_warning_naming_the_known_ones()
    {
        _folder.Write("kurssi/01-alku/02-kartta.md", Replace(RubricTask, "hours=4.5", "hour=4.5"));

        var catalog = CourseLoader.Load(_folder.Root);

        var problem = Assert.Single(catalog.Problems);
        Assert.Equal(("kurssi/01-alku/02-kartta.md", 8, ProblemSeverity.Warning), (problem.File, problem.Line, problem.Severity));
        Assert.Contains("Unknown option 'hour='", problem.Message);
        Assert.Contains("minlength, hours, title", problem.Message);
        Assert.Equal(1m, catalog.Courses.Single().Tasks.Single(t => t.Id == "oma-kanavakartta").Hours);
    }

    [Fact]
    public void A_course_without_issuer_and_signatory_is_served_and_old_ones_are_accepted()
    {
        _folder.Write("kurssi/course.yml", Replace(CourseFolder.ValidCourseYml, "issuer: Testiorganisaatio\nsignatory:\n  name: Testi Allekirjoittaja\n  title: rehtori\n", ""));

        var catalog = CourseLoader.Load(_folder.Root);

        Assert.Empty(catalog.Problems);
        Assert.Single(catalog.Courses);
        _folder.Write("kurssi/course.yml", CourseFolder.ValidCourseYml);
        Assert.Empty(CourseLoader.Load(_folder.Root).Problems);
    }

    [Fact]
    public void Review_notes_are_a_known_course_field()
    {
        _folder.Write("kurssi/course.yml", CourseFolder.ValidCourseYml + "\nreview_notes:\n  - Laki 306/2019 tarkistettu Finlexistä 2026-11.\n");

        var catalog = CourseLoader.Load(_folder.Root);

        Assert.Empty(catalog.Problems);
        Assert.Equal(["Laki 306/2019 tarkistettu Finlexistä 2026-11."], catalog.Courses.Single().ReviewNotes);
    }

    private static string Replace(string text, string old, string replacement)
    {
        Assert.Contains(old, text);
        return text.Replace(old, replacement, StringComparison.Ordinal);
    }

    private void AssertError(string file, int line, string messagePart)
    {
        var catalog = CourseLoader.Load(_folder.Root);
        Assert.True(catalog.Problems.Any(p => p.File == file && p.Line == line && p.Severity == ProblemSeverity.Error && p.Message.Contains(messagePart, StringComparison.Ordinal)),
            $"Expected {file}:{line} '{messagePart}', got:\n" + string.Join("\n", catalog.Problems));
        Assert.Empty(catalog.Courses);
    }
}
