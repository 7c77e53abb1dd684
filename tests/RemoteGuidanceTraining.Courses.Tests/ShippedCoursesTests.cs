using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses.Tests;

/// <summary>
/// The courses in the repository's courses/ folder: they validate cleanly, have the shape the content brief asks
/// for (3-6 modules of 2-4 lessons, a quiz of 4+ questions and a task in every module, at least ~1,200 words of
/// reading a module), and declare their true extent (<see cref="CourseExtent"/>, courses/README.md).
/// </summary>
public sealed class ShippedCoursesTests
{
    private static readonly string _folder = FindCoursesFolder();
    private static readonly CourseCatalog _catalog = CourseLoader.Load(_folder);

    public static TheoryData<string> CourseIds()
    {
        var data = new TheoryData<string>();
        foreach (var course in _catalog.Courses)
        {
            data.Add(course.Id);
        }

        return data;
    }

    [Fact]
    public void The_shipped_courses_validate_without_errors_or_warnings()
    {
        var output = new StringWriter();

        var exit = CourseValidator.ValidateToConsole(_folder, output);

        Assert.True(exit == 0, output.ToString());
        Assert.NotEmpty(_catalog.Courses);
    }

    [Fact]
    public void The_three_Finnish_trainings_and_the_English_edition_of_the_first_are_shipped()
    {
        Assert.Equal("fi", _catalog.Find("etaohjauksen-perusteet")?.Language);
        Assert.Equal("fi", _catalog.Find("tietosuoja-ja-etiikka")?.Language);
        Assert.Equal("fi", _catalog.Find("chat-ryhmat-verkostot")?.Language);
        Assert.Equal("fi", _catalog.Find("alueellinen-verkosto-ohjaus")?.Language);
        var english = _catalog.Find("remote-guidance-basics-en");
        Assert.Equal("en", english?.Language);
        Assert.Equal(_catalog.Find("etaohjauksen-perusteet")!.Modules.Count, english!.Modules.Count);
    }

    [Theory]
    [MemberData(nameof(CourseIds))]
    public void Each_course_has_the_size_the_brief_asks_for(string courseId)
    {
        var course = _catalog.Find(courseId)!;

        Assert.InRange(course.Modules.Count, 3, 6);
        Assert.True(course.Outcomes.Count >= 4, $"{courseId}: {course.Outcomes.Count} outcomes");
        Assert.True(course.SourcesHtml.Count >= 4, $"{courseId}: {course.SourcesHtml.Count} sources");
        foreach (var module in course.Modules)
        {
            var where = $"{courseId}/{module.Id}";
            Assert.True(module.Lessons.Count is >= 2 and <= 4, $"{where}: {module.Lessons.Count} lessons");
            Assert.True(module.Objectives.Count >= 2, $"{where}: {module.Objectives.Count} objectives");
            Assert.True(module.Lessons.SelectMany(l => l.Quizzes).Any(q => q.Questions.Count >= 4), $"{where}: no quiz of 4+ questions");
            Assert.True(module.Lessons.SelectMany(l => l.Tasks).Any(), $"{where}: no development or reflection task");
            var words = module.Lessons.Sum(l => l.WordCount);
            Assert.True(words >= 1200, $"{where}: {words} words");
        }

        Assert.All(course.Quizzes.SelectMany(q => q.Questions), q => Assert.False(string.IsNullOrWhiteSpace(q.ExplanationHtml)));
    }

    [Theory]
    [MemberData(nameof(CourseIds))]
    public void Each_course_declares_its_true_extent(string courseId)
    {
        var extent = CourseExtent.Of(_catalog.Find(courseId)!);

        var problems = extent.Problems();

        Assert.True(problems.Count == 0, $"{courseId}: {problems.Count} extent problem(s) (see courses/README.md, 'Laajuus' / 'Extent'):\n" + string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(CourseIds))]
    public void Each_course_is_content_version_2026_2_with_a_rubric_on_every_task(string courseId)
    {
        var course = _catalog.Find(courseId)!;
        var root = Path.GetDirectoryName(course.Folder)!;
        var problems = course.Lessons
            .SelectMany(l => l.Tasks.Where(t => t.Rubric.Count == 0).Select(t => $"{Path.GetRelativePath(root, l.SourceFile)}: task '{t.Id}' has no '::: rubric' list."))
            .ToList();
        if (course.Version != "2026.2")
        {
            problems.Insert(0, $"{courseId}/course.yml: version is \"{course.Version}\", expected \"2026.2\".");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static string FindCoursesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RemoteGuidanceTraining.sln")))
            {
                return Path.Combine(dir.FullName, "courses");
            }
        }

        throw new InvalidOperationException("Repository root not found.");
    }
}
