namespace RemoteGuidanceTraining.Courses.Tests;

/// <summary>The extent estimate on a fixture course whose words, questions and task hours are known.</summary>
public sealed class ExtentTests : IDisposable
{
    private readonly CourseFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Lesson_minutes_are_words_over_150_plus_one_and_a_half_per_question_and_task_hours_add_to_the_course()
    {
        // 300 words of reading and one question: 2 + 1.5 = 3.5 minutes. Two lessons = 7 minutes; tasks 2.5 + 1 h.
        WriteCourse(hours: 4, credits: "0.1", minutes: 4); // one decimal, as a certificate records credits

        var extent = CourseExtent.Of(CourseLoader.Load(_folder.Root).Courses.Single());

        Assert.Equal([3.5m, 3.5m], extent.Lessons.Select(l => decimal.Round(l.EstimatedMinutes, 2)));
        Assert.Equal(3.5m, extent.TaskHours);
        Assert.Equal(3.5m + 7m / 60m, extent.EstimatedHours);
        Assert.Empty(extent.Problems());
    }

    [Fact]
    public void Every_overstated_figure_is_reported_with_its_file()
    {
        WriteCourse(hours: 135, credits: "5", minutes: 25);

        var problems = CourseExtent.Of(CourseLoader.Load(_folder.Root).Courses.Single()).Problems();

        Assert.Contains(problems, p => p.StartsWith("kurssi/01-alku/01-eka.md: minutes: 25, but the estimate is 3.5 min", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("kurssi/01-alku/02-toka.md: minutes: 25", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("kurssi/course.yml: hours: 135, but the estimate is 3.62 h", StringComparison.Ordinal));
        Assert.Equal(3, problems.Count);
    }

    [Fact]
    public void Credits_that_do_not_match_the_hours_are_reported()
    {
        WriteCourse(hours: 4, credits: "1", minutes: 4);

        var problems = CourseExtent.Of(CourseLoader.Load(_folder.Root).Courses.Single()).Problems();

        Assert.Equal("kurssi/course.yml: credits: 1, but hours: 4 are worth 0.15 op (1 op = 27 h); allowed 0–0.4.", Assert.Single(problems));
    }

    [Fact]
    public void The_validate_command_prints_the_estimate_and_fails_on_an_overstated_extent()
    {
        WriteCourse(hours: 135, credits: "5", minutes: 4);
        var output = new StringWriter();

        var exit = CourseValidator.ValidateToConsole(_folder.Root, output, extent: true);

        Assert.Equal(1, exit);
        Assert.Contains("kurssi: declared 135 h, 5 op; estimated 3.62 h", output.ToString());
        Assert.Contains("kurssi/01-alku/01-eka.md: minutes 4, estimate 3.5 (300 words, 1 questions)", output.ToString());
        Assert.Contains("extent: kurssi/course.yml: hours: 135", output.ToString());
        Assert.Equal(0, CourseValidator.ValidateToConsole(_folder.Root, new StringWriter()));
    }

    private void WriteCourse(int hours, string credits, int minutes)
    {
        _folder.Write("kurssi/course.yml", $"title: T\nsummary: S.\nlanguage: fi\ncredits: {credits}\nhours: {hours}\nversion: \"2026.2\"\noutcomes:\n  - O.\n");
        _folder.Write("kurssi/01-alku/module.yml", "title: Alku\n");
        var words = string.Join(' ', Enumerable.Repeat("sana", 300));
        _folder.Write("kurssi/01-alku/01-eka.md", Lesson("eka", "2.5", words, minutes));
        _folder.Write("kurssi/01-alku/02-toka.md", Lesson("toka", "1", words, minutes));
    }

    private static string Lesson(string id, string hours, string words, int minutes) => $"""
        ---
        title: {id}
        minutes: {minutes}
        ---

        {words}

        :::: quiz {id}-visa
        ::: question {id}-q
        Yksi kaksi kolme neljä?

        - [x] Oikea
        - [ ] Väärä

        Perustelu.
        :::
        ::::

        :::: task {id}-tehtava hours={hours}
        Ohje jossa on sanoja.

        ::: rubric
        - Kriteeri.
        :::
        ::::
        """;
}
