using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses.Tests;

/// <summary>
/// The common YAML slips get plain advice (a code the site shows in the reader's language) at the line to fix,
/// instead of the parser's own words; only slips without advice keep those, as a detail.
/// </summary>
public sealed class YamlAdviceTests : IDisposable
{
    private readonly CourseFolder _folder = new CourseFolder().WithValidCourse();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("title: Testikurssi", "title: Alku: kanavat ja valinta", 1, ProblemCode.YamlNeedsQuotes)]
    [InlineData("hours: 60", "hours: 60: tuntia", 5, ProblemCode.YamlNeedsQuotes)]
    [InlineData("language: fi\n", "language: fi\n  bad: 27\n", 4, ProblemCode.YamlIndentation)]
    [InlineData("pass_mark: 75\n", "pass_mark: 75\nhours: 40\n", 8, ProblemCode.YamlDuplicateKey)]
    [InlineData("version: \"2026.1\"", "version: \"2026.1", 6, ProblemCode.YamlUnclosedQuote)]
    [InlineData("summary: Lyhyt kuvaus.", "summary: @kuvaus", 2, ProblemCode.YamlSpecialStart)]
    [InlineData("  - Osaat jotain.", "\t- Osaat jotain.", 9, ProblemCode.YamlTab)]
    [InlineData("hours: 60", "hours: [60", 5, ProblemCode.YamlUnclosedBracket)]
    public void A_common_slip_gets_plain_advice_at_its_line(string from, string to, int line, ProblemCode code)
    {
        _folder.Write("kurssi/course.yml", CourseFolder.ValidCourseYml.Replace(from, to, StringComparison.Ordinal));

        var problems = CourseLoader.Load(_folder.Root).Problems;

        var problem = Assert.Single(problems);
        Assert.True(problem is { File: "kurssi/course.yml", Severity: ProblemSeverity.Error } && problem.Line == line && problem.Code == code, problem.ToString());
        Assert.Null(problem.Detail);
        Assert.DoesNotContain("While ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_duplicate_key_is_named()
    {
        _folder.Write("kurssi/course.yml", CourseFolder.ValidCourseYml + "\nhours: 40\n");

        var problem = Assert.Single(CourseLoader.Load(_folder.Root).Problems);

        Assert.Equal(ProblemCode.YamlDuplicateKey, problem.Code);
        Assert.Equal("hours", problem.Arguments[1]);
    }

    [Fact]
    public void The_unquoted_colon_says_to_use_quotation_marks_and_names_the_column()
    {
        _folder.Write("kurssi/01-alku/02-toka.md", "---\ntitle: Alku: kanavat ja valinta\n---\n\nTekstiä.\n");

        var problem = Assert.Single(CourseLoader.Load(_folder.Root).Problems);

        Assert.Equal("kurssi/01-alku/02-toka.md:2: error: Invalid YAML at column 12: the value has a colon in it. Put the whole value in quotation marks, e.g. title: \"Start: channels\".", problem.ToString());
    }

    [Fact]
    public void Every_code_has_an_English_text()
    {
        foreach (var code in Enum.GetValues<ProblemCode>())
        {
            var arguments = Enumerable.Range(0, 5).Select(i => $"<{i}>").ToList();
            Assert.False(string.IsNullOrWhiteSpace(ProblemTexts.English(code, arguments)), code.ToString());
        }
    }
}
