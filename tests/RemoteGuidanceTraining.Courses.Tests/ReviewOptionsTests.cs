using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses.Tests;

/// <summary>
/// The review and peer-feedback options of a task (`review=required`, `peer=N`, `peer-required=`, `peer-names=`):
/// read into the model, and every mistake reported at the task's line with a message that says what to write.
/// </summary>
public sealed class ReviewOptionsTests : IDisposable
{
    private const string Lesson = """
        ---
        title: Kanavakartta
        minutes: 10
        ---

        Tekstiä ennen tehtävää.

        :::: task kartta minlength=100 OPTIONS
        Kuvaa palvelusi kanavat.

        ::: rubric
        - Kartassa on jokainen kanava.
        :::
        ::::
        """;

    private readonly CourseFolder _folder = new CourseFolder().WithValidCourse();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Without_options_a_task_needs_no_review_and_no_peer_feedback()
    {
        var task = Load("");

        Assert.Equal((false, 0, false, false), (task.ReviewRequired, task.Peer, task.PeerRequired, task.PeerNamesShown));
    }

    [Fact]
    public void All_options_are_read()
    {
        var task = Load("review=required peer=2 peer-required=true peer-names=shown");

        Assert.Equal((true, 2, true, true), (task.ReviewRequired, task.Peer, task.PeerRequired, task.PeerNamesShown));
    }

    [Fact]
    public void Peer_names_are_hidden_and_peer_feedback_optional_by_default_and_review_optional_may_be_said_aloud()
    {
        var task = Load("review=optional peer=3");

        Assert.Equal((false, 3, false, false), (task.ReviewRequired, task.Peer, task.PeerRequired, task.PeerNamesShown));
        Assert.False(Load("peer=1 peer-names=hidden peer-required=false").PeerNamesShown);
    }

    [Theory]
    [InlineData("review=yes", "review=yes: write review=required")]
    [InlineData("peer=0", "peer=0: the number of others' answers each participant gives feedback on must be a whole number 1-5.")]
    [InlineData("peer=6", "peer=6: the number of others' answers")]
    [InlineData("peer=two", "peer=two: the number of others' answers")]
    [InlineData("peer=-1", "peer=-1: the number of others' answers")]
    [InlineData("peer=2 peer-required=yes", "peer-required=yes: write peer-required=true")]
    [InlineData("peer=2 peer-names=anonymous", "peer-names=anonymous: write peer-names=hidden")]
    [InlineData("peer-required=true", "peer-required= only applies to a task with peer feedback: add peer=<number of answers> (1-5) or remove peer-required=.")]
    [InlineData("peer-names=shown", "peer-names= only applies to a task with peer feedback")]
    public void A_wrong_option_is_an_error_at_the_tasks_line(string options, string message)
    {
        _folder.Write("kurssi/01-alku/02-kartta.md", Lesson.Replace("OPTIONS", options, StringComparison.Ordinal));

        var catalog = CourseLoader.Load(_folder.Root);

        Assert.True(catalog.Problems.Any(p => p is { File: "kurssi/01-alku/02-kartta.md", Line: 8, Severity: ProblemSeverity.Error } && p.Message.Contains(message, StringComparison.Ordinal)),
            $"Expected kurssi/01-alku/02-kartta.md:8 '{message}', got:\n" + string.Join("\n", catalog.Problems));
        Assert.Empty(catalog.Courses);
    }

    [Fact]
    public void The_options_are_not_reported_as_unknown()
    {
        Load("review=required peer=2 peer-required=true peer-names=hidden");
    }

    private CourseTask Load(string options)
    {
        _folder.Write("kurssi/01-alku/02-kartta.md", Lesson.Replace("OPTIONS", options, StringComparison.Ordinal));
        var catalog = CourseLoader.Load(_folder.Root);
        Assert.Empty(catalog.Problems);
        return catalog.Courses.Single().Tasks.Single(t => t.Id == "kartta");
    }
}
