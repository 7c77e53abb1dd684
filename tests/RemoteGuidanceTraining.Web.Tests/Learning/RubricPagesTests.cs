using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Learning;

/// <summary>A task's rubric is shown to the participant before writing and to the trainer beside the answer; trainer pages name tasks by title.</summary>
public sealed class RubricPagesTests : IDisposable
{
    private const string LessonWithRubric = """
        ---
        title: Oma työ
        minutes: 10
        ---

        :::: task kanavakartta minlength=40 hours=3 title="Oman palvelun kanavakartta"
        Kuvaa palvelusi kanavat.

        ::: rubric
        - Kartassa on **jokainen** kanava.
        - Varasuunnitelma on kuvattu.
        :::
        ::::
        """;

    private readonly LearningSite _learning = new();

    public RubricPagesTests()
    {
        _learning.Write("kurssi/01-alku/02-oma-tyo.md", LessonWithRubric);
        _learning.Reload();
    }

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task The_participant_sees_the_rubric_with_the_task_before_writing()
    {
        var p = await _learning.ParticipantAsync();

        var html = await p.Client.GetStringAsync("/courses/kurssi/alku/oma-tyo");

        var rubric = html.IndexOf("Arviointikriteerit", StringComparison.Ordinal);
        Assert.True(rubric > 0, html);
        Assert.Contains("<li>Kartassa on <strong>jokainen</strong> kanava.</li>", html);
        Assert.Contains("<li>Varasuunnitelma on kuvattu.</li>", html);
        Assert.True(rubric < html.IndexOf("<textarea", StringComparison.Ordinal), "the rubric comes before the answer field");
        Assert.Contains("Kouluttaja antaa palautteen näiden kriteerien perusteella.", html);
    }

    [Fact]
    public async Task A_task_without_a_rubric_shows_no_rubric_heading()
    {
        _learning.Write("kurssi/01-alku/02-oma-tyo.md", LearningSite.LessonTwo);
        _learning.Reload();
        var p = await _learning.ParticipantAsync();

        var html = await p.Client.GetStringAsync("/courses/kurssi/alku/oma-tyo");

        Assert.Contains("Kuvaa palvelusi kanavat.", html);
        Assert.DoesNotContain("Arviointikriteerit", html);
    }

    [Fact]
    public async Task The_trainer_sees_the_task_title_in_the_list_and_the_rubric_beside_the_answer()
    {
        var (list, answer) = await TaskListAndAnswerAsTrainerAsync();

        Assert.Contains("<td lang=\"fi\">Oman palvelun kanavakartta</td>", list);
        Assert.DoesNotContain(">kanavakartta</td>", list);
        Assert.Contains("Oman palvelun kanavakartta", answer);
        Assert.Contains("Arviointikriteerit", answer);
        Assert.Contains("<li>Varasuunnitelma on kuvattu.</li>", answer);
        Assert.Contains(LearningSite.LongAnswer, answer);
    }

    [Fact]
    public async Task Course_text_on_the_trainer_pages_carries_the_course_language_inside_another_ui_language()
    {
        _learning.Write("kurssi/course.yml", "title: Pieni kurssi\nsummary: Kuvaus.\nlanguage: sv\ncredits: 1\nhours: 27\nversion: \"1\"\noutcomes:\n  - Osaat.\n");
        _learning.Reload();
        var (list, answer) = await TaskListAndAnswerAsTrainerAsync();

        Assert.Contains("<td lang=\"sv\">Pieni kurssi</td>", list);
        Assert.Contains("<td lang=\"sv\">Oman palvelun kanavakartta</td>", list);
        Assert.Contains("<span lang=\"sv\">Pieni kurssi</span>", answer);
        Assert.Contains(": <span lang=\"sv\">Oman palvelun kanavakartta</span></h2>", answer);
        Assert.Matches("<div lang=\"sv\">\\s*<p>Kuvaa palvelusi kanavat.</p>", answer);
        Assert.Contains("<label for=\"criterion-1\" lang=\"sv\">Varasuunnitelma on kuvattu.</label>", answer);
    }

    /// <summary>A participant submits the task; a trainer opens the task list and the answer: both pages' HTML.</summary>
    private async Task<(string List, string Answer)> TaskListAndAnswerAsTrainerAsync()
    {
        var p = await _learning.ParticipantAsync();
        await p.TaskAsync(LearningSite.LongAnswer, submit: true);
        await TestUsers.CreateAsync(_learning.Site.Services, "kouluttaja@example.fi", "Kalle Kouluttaja", Roles.Trainer);
        var trainer = _learning.Site.CreateBrowserLikeClient();
        await trainer.SignInAsync("kouluttaja@example.fi", TestUsers.Password);
        var answerId = await _learning.DbAsync(db => db.TaskAnswers.Where(t => t.UserId == p.UserId).Select(t => t.Id).SingleAsync());

        var list = await trainer.GetStringAsync("/Trainer/Tasks");
        var answer = await trainer.GetStringAsync($"/Trainer/Answer/{answerId}");
        return (list, answer);
    }
}
