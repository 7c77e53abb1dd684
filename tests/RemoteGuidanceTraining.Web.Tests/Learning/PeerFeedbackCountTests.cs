using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Learning;

/// <summary>
/// The one comparison behind "all peer feedback given", which completion, the activity grid and the funnel share:
/// feedback on as many answers as the task asks (peer=N) is all of it, and more does not hurt.
/// </summary>
public sealed class PeerFeedbackCountTests
{
    private static readonly CourseTask PeerTwo = new("kanavakartta", "<p>Kuvaa kanavat.</p>", 40, "Oma työ", 1m, []) { Peer = 2, PeerRequired = true };

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    public void Feedback_on_as_many_answers_as_the_task_asks_is_all_of_it(int given, bool all) =>
        Assert.Equal(all, CourseProgress.HasGivenAllPeerFeedback(PeerTwo, given));

    [Fact]
    public void Only_a_task_with_peer_feedback_marked_required_makes_it_a_requirement()
    {
        Assert.True(CourseProgress.RequiresPeerFeedback(PeerTwo));
        Assert.False(CourseProgress.RequiresPeerFeedback(PeerTwo with { PeerRequired = false }));
        Assert.False(CourseProgress.RequiresPeerFeedback(PeerTwo with { Peer = 0 }));
    }
}
