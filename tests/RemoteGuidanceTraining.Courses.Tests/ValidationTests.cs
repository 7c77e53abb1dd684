using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses.Tests;

/// <summary>One test per validation rule, each asserting the exact file and line a trainer is pointed to.</summary>
public sealed class ValidationTests : IDisposable
{
    private readonly CourseFolder _folder = new CourseFolder().WithValidCourse();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_valid_fixture_has_no_problems_and_is_served()
    {
        var catalog = CourseLoader.Load(_folder.Root);

        Assert.Empty(catalog.Problems);
        var course = Assert.Single(catalog.Courses);
        Assert.Equal("kurssi", course.Id);
        Assert.Equal(2.5m, course.Credits);
        Assert.Equal(75, course.PassMark);
    }

    [Fact]
    public void Bad_yaml_is_reported_at_its_line()
    {
        // A colon inside an unquoted value: the most common YAML slip.
        _folder.Write("kurssi/course.yml", CourseFolder.ValidCourseYml.Replace("hours: 60", "hours: 60: tuntia", StringComparison.Ordinal));

        AssertProblem("kurssi/course.yml", 5, "Invalid YAML");
    }

    [Fact]
    public void A_missing_required_field_is_reported()
    {
        _folder.Write("kurssi/course.yml", CourseFolder.ValidCourseYml.Replace("summary: Lyhyt kuvaus.\n", "", StringComparison.Ordinal));

        AssertProblem("kurssi/course.yml", 1, "Missing required field 'summary'");
    }

    [Fact]
    public void A_lesson_without_a_title_is_reported()
    {
        _folder.Write("kurssi/01-alku/02-toka.md", "---\nminutes: 5\n---\n\nTekstiä.\n");

        AssertProblem("kurssi/01-alku/02-toka.md", 1, "no title");
    }

    [Fact]
    public void Bad_yaml_in_front_matter_is_reported_at_the_file_line()
    {
        _folder.Write("kurssi/01-alku/02-toka.md", "---\nminutes: 5\ntitle: Kanavat: chat ja video\n---\n\nTekstiä.\n");

        AssertProblem("kurssi/01-alku/02-toka.md", 3, "Invalid YAML");
    }

    [Theory]
    [InlineData("\t- Toinen lähde.")] // a tab: the line it is on, not the line where the list item began
    [InlineData("extra: [60")]        // an unclosed bracket: its own line, not the end of the file
    public void Bad_yaml_that_runs_on_is_reported_at_the_line_that_breaks_it(string brokenLine)
    {
        var lines = CourseFolder.ValidCourseYml.TrimEnd('\n').Split('\n').Append(brokenLine).ToList();
        _folder.Write("kurssi/course.yml", string.Join('\n', lines) + "\n\n");

        AssertProblem("kurssi/course.yml", lines.Count, "Invalid YAML");
    }

    [Fact]
    public void An_unclosed_bracket_inside_a_list_is_reported_at_its_line_without_dotnet_text()
    {
        // YamlDotNet gives no position here; line 1 and its internal exception text helped nobody.
        _folder.Write("kurssi/01-alku/module.yml", "title: \"Alku\"\nobjectives:\n  - Yksi\n  - [kaksi\n  - kolme\n");

        AssertProblem("kurssi/01-alku/module.yml", 4, "Invalid YAML at column 5: ");
        var problem = Assert.Single(CourseLoader.Load(_folder.Root).Problems, p => p.File == "kurssi/01-alku/module.yml");
        Assert.DoesNotContain("Operation is not valid", problem.Message, StringComparison.Ordinal);
        Assert.Contains("'['", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_quote_in_course_yml_is_reported_where_it_opens()
    {
        _folder.Write("kurssi/course.yml", CourseFolder.ValidCourseYml.Replace("version: \"2026.1\"", "version: \"1", StringComparison.Ordinal));

        AssertProblem("kurssi/course.yml", 6, "Invalid YAML");
    }

    [Fact]
    public void An_unclosed_quote_in_front_matter_is_reported_where_it_opens()
    {
        _folder.Write("kurssi/01-alku/02-toka.md", "---\ntitle: \"Ryhmän käynnistäminen\nminutes: 5\n---\n\nTekstiä.\n");

        AssertProblem("kurssi/01-alku/02-toka.md", 2, "Invalid YAML");
    }

    [Fact]
    public void A_duplicate_lesson_id_is_reported_at_the_second_file()
    {
        _folder.Write("kurssi/02-jatko/module.yml", "title: Jatko\n");
        _folder.Write("kurssi/02-jatko/01-eka.md", "---\ntitle: Toinen eka\n---\n\nTekstiä.\n");

        AssertProblem("kurssi/02-jatko/01-eka.md", 1, "Duplicate lesson id 'eka'");
    }

    [Fact]
    public void A_duplicate_question_id_is_reported_at_the_second_question()
    {
        _folder.Write("kurssi/01-alku/02-toka.md", """
            ---
            title: Toka
            ---

            :::: quiz toinen-visa
            ::: question kysymys-1
            Sama id?

            - [x] Kyllä

            Selitys.
            :::
            ::::
            """);

        AssertProblem("kurssi/01-alku/02-toka.md", 6, "Duplicate question id 'kysymys-1'");
    }

    [Fact]
    public void A_question_with_no_correct_option_is_reported()
    {
        _folder.Write("kurssi/01-alku/01-eka.md", CourseFolder.ValidLesson.Replace("- [x] Oikea", "- [ ] Oikea", StringComparison.Ordinal));

        AssertProblem("kurssi/01-alku/01-eka.md", 14, "no correct option");
    }

    [Fact]
    public void A_question_without_an_explanation_is_reported()
    {
        _folder.Write("kurssi/01-alku/01-eka.md", CourseFolder.ValidLesson.Replace("Koska oikea on oikein.\n", "", StringComparison.Ordinal));

        AssertProblem("kurssi/01-alku/01-eka.md", 14, "needs an explanation");
    }

    [Fact]
    public void A_text_question_without_accepted_answers_is_reported()
    {
        _folder.Write("kurssi/01-alku/02-toka.md", """
            ---
            title: Toka
            ---

            :::: quiz tekstivisa
            ::: question lyhenne type=text
            Mikä lyhenne?

            - [ ] GDPR

            Selitys.
            :::
            ::::
            """);

        AssertProblem("kurssi/01-alku/02-toka.md", 6, "has no accepted answer");
    }

    [Fact]
    public void A_quiz_with_no_questions_is_reported()
    {
        _folder.Write("kurssi/01-alku/02-toka.md", "---\ntitle: Toka\n---\n\n:::: quiz tyhja\nPelkkää tekstiä.\n::::\n");

        AssertProblem("kurssi/01-alku/02-toka.md", 5, "no questions");
    }

    [Fact]
    public void A_question_outside_a_quiz_is_reported()
    {
        _folder.Write("kurssi/01-alku/02-toka.md", "---\ntitle: Toka\n---\n\nTekstiä.\n\n::: question irrallinen\nMikä?\n\n- [x] Tämä\n\nSelitys.\n:::\n");

        AssertProblem("kurssi/01-alku/02-toka.md", 7, "must be inside a quiz");
    }

    [Fact]
    public void An_unknown_container_is_reported()
    {
        _folder.Write("kurssi/01-alku/02-toka.md", "---\ntitle: Toka\n---\n\n::: quizz kirjoitusvirhe\nTekstiä.\n:::\n");

        AssertProblem("kurssi/01-alku/02-toka.md", 5, "Unknown block '::: quizz'");
    }

    [Fact]
    public void A_broken_relative_image_is_reported()
    {
        _folder.Write("kurssi/01-alku/02-toka.md", "---\ntitle: Toka\n---\n\nTekstiä.\n\n![Kaavio](kaavio.png)\n");

        AssertProblem("kurssi/01-alku/02-toka.md", 7, "file not found");
    }

    [Fact]
    public void A_link_out_of_the_course_folder_is_reported()
    {
        _folder.Write("salainen.txt", "ei kurssin tiedosto");
        _folder.Write("kurssi/01-alku/02-toka.md", "---\ntitle: Toka\n---\n\n[Vuoto](../../salainen.txt)\n");

        AssertProblem("kurssi/01-alku/02-toka.md", 5, "points outside the course folder");
    }

    [Fact]
    public void An_absolute_image_path_is_reported()
    {
        _folder.Write("kurssi/01-alku/02-toka.md", "---\ntitle: Toka\n---\n\n![x](/etc/passwd)\n");

        AssertProblem("kurssi/01-alku/02-toka.md", 5, "absolute path");
    }

    [Fact]
    public void An_invalid_id_is_reported()
    {
        _folder.Write("kurssi/01-alku/02-toka.md", "---\ntitle: Toka\n---\n\n::: task Oma_Tehtävä\nKirjoita.\n:::\n");

        AssertProblem("kurssi/01-alku/02-toka.md", 5, "Invalid task id 'Oma_Tehtävä'");
    }

    [Fact]
    public void A_minlength_that_is_not_a_positive_number_is_reported()
    {
        _folder.Write("kurssi/01-alku/02-toka.md", "---\ntitle: Toka\n---\n\n::: task toinen minlength=paljon\nKirjoita.\n:::\n");

        AssertProblem("kurssi/01-alku/02-toka.md", 5, "minlength=paljon");
    }

    [Fact]
    public void A_module_folder_without_module_yml_is_reported()
    {
        _folder.Write("kurssi/02-jatko/01-lisaa.md", "---\ntitle: Lisää\n---\n\nTekstiä.\n");

        AssertProblem("kurssi/02-jatko/module.yml", 1, "Missing module.yml");
    }

    [Fact]
    public void An_unknown_course_field_is_a_warning_and_the_course_is_still_served()
    {
        _folder.Write("kurssi/course.yml", CourseFolder.ValidCourseYml + "\ncredit: 5\n");

        var catalog = CourseLoader.Load(_folder.Root);

        var problem = Assert.Single(catalog.Problems);
        Assert.Equal(("kurssi/course.yml", 16, ProblemSeverity.Warning), (problem.File, problem.Line, problem.Severity));
        Assert.Contains("Unknown field 'credit'", problem.Message);
        Assert.Single(catalog.Courses);
    }

    [Fact]
    public void A_question_with_a_single_option_is_a_warning_at_its_line_and_the_course_is_still_served()
    {
        // Only one option, and it is right: nobody can answer it wrong, so it measures nothing.
        _folder.Write("kurssi/01-alku/01-eka.md", CourseFolder.ValidLesson.Replace("- [ ] Väärä\n", "", StringComparison.Ordinal));

        var catalog = CourseLoader.Load(_folder.Root);

        var problem = Assert.Single(catalog.Problems);
        Assert.Equal(("kurssi/01-alku/01-eka.md", 14, ProblemSeverity.Warning), (problem.File, problem.Line, problem.Severity));
        Assert.Contains("'kysymys-1' has only one option", problem.Message);
        Assert.Single(catalog.Courses);
    }

    [Fact]
    public void A_file_without_a_number_prefix_is_skipped_with_a_warning()
    {
        _folder.Write("kurssi/01-alku/muistiinpanot.md", "# Luonnos\n");

        var catalog = CourseLoader.Load(_folder.Root);

        var problem = Assert.Single(catalog.Problems);
        Assert.Equal(("kurssi/01-alku/muistiinpanot.md", 1, ProblemSeverity.Warning), (problem.File, problem.Line, problem.Severity));
        Assert.Single(catalog.Courses.Single().Lessons);
    }

    [Fact]
    public void A_broken_course_is_left_out_and_every_valid_course_is_still_served()
    {
        _folder.WithValidCourse("toinen-kurssi");
        _folder.Write("kurssi/course.yml", "title: [rikki\n");

        var catalog = CourseLoader.Load(_folder.Root);

        Assert.Equal(["toinen-kurssi"], catalog.Courses.Select(c => c.Id));
        Assert.Contains(catalog.Problems, p => p.File == "kurssi/course.yml" && p.Severity == ProblemSeverity.Error);
    }

    [Fact]
    public void Every_problem_is_collected_not_just_the_first()
    {
        _folder.Write("kurssi/01-alku/02-toka.md", "---\nminutes: 5\n---\n\n![a](puuttuu.png)\n\n::: quizz x\n:::\n");

        var problems = CourseLoader.Load(_folder.Root).Problems.Where(p => p.File.EndsWith("02-toka.md", StringComparison.Ordinal)).ToList();

        Assert.Equal([1, 5, 7], problems.Select(p => p.Line).Order());
    }

    [Fact]
    public void The_validate_command_prints_file_line_and_fails()
    {
        _folder.Write("kurssi/01-alku/02-toka.md", "---\ntitle: Toka\n---\n\n![x](puuttuu.png)\n");
        var output = new StringWriter();

        var exit = CourseValidator.ValidateToConsole(_folder.Root, output);

        Assert.Equal(1, exit);
        // The engine's messages are English throughout (the problems page marks them so): no Finnish gloss inside.
        Assert.Contains("kurssi/01-alku/02-toka.md:5: error: Image 'puuttuu.png': file not found (broken link).", output.ToString());
    }

    [Fact]
    public void The_validate_command_passes_a_clean_folder()
    {
        Assert.Equal(0, CourseValidator.ValidateToConsole(_folder.Root, new StringWriter()));
    }

    private void AssertProblem(string file, int line, string messagePart)
    {
        var catalog = CourseLoader.Load(_folder.Root);
        Assert.True(catalog.Problems.Any(p => p.File == file && p.Line == line && p.Message.Contains(messagePart, StringComparison.Ordinal)),
            $"Expected {file}:{line} '{messagePart}', got:\n" + string.Join("\n", catalog.Problems));
        Assert.DoesNotContain(catalog.Courses, c => c.Id == "kurssi" && catalog.Problems.Any(p => p.Severity == ProblemSeverity.Error && p.File.StartsWith("kurssi/", StringComparison.Ordinal)));
    }
}
