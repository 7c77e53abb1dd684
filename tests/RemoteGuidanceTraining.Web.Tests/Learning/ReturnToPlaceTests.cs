namespace RemoteGuidanceTraining.Web.Tests.Learning;

/// <summary>
/// Without JavaScript a lesson's forms reload the page; the participant comes back where they were (the quiz's
/// result, the task they saved) rather than at the top of a long lesson.
/// </summary>
public sealed class ReturnToPlaceTests : IDisposable
{
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task A_quiz_answer_returns_to_its_result_and_a_saved_task_to_the_task()
    {
        var pia = await _learning.ParticipantAsync();

        var answered = await pia.AnswerQuizAsync("a");
        var saved = await pia.TaskAsync("Luonnos kanavista.", submit: false);

        Assert.Equal("/courses/kurssi/alku/kanavat#quiz-kanavavisa-result", answered.Headers.Location?.OriginalString);
        Assert.Equal("/courses/kurssi/alku/oma-tyo#task-kanavakartta", saved.Headers.Location?.OriginalString);
        Assert.Contains("id=\"quiz-kanavavisa-result\"", await pia.Client.GetStringAsync("/courses/kurssi/alku/kanavat"));
        Assert.Contains("id=\"task-kanavakartta\"", await pia.Client.GetStringAsync("/courses/kurssi/alku/oma-tyo"));
    }
}
