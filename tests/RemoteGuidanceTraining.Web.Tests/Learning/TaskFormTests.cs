using System.Net;

namespace RemoteGuidanceTraining.Web.Tests.Learning;

/// <summary>The development task's form offers only what it will do.</summary>
public sealed class TaskFormTests : IDisposable
{
    private const string Lesson = "/courses/kurssi/alku/oma-tyo";
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task A_draft_can_be_saved_until_the_task_is_submitted_then_only_a_revision_is_offered()
    {
        var pia = await _learning.ParticipantAsync();
        await pia.TaskAsync("Ensimmäinen luonnos kanavista.", submit: false);
        var draft = WebUtility.HtmlDecode(await pia.Client.GetStringAsync(Lesson));
        await pia.TaskAsync(LearningSite.LongAnswer, submit: true);

        var submitted = WebUtility.HtmlDecode(await pia.Client.GetStringAsync(Lesson));

        Assert.Contains(">Tallenna luonnos</button>", draft);
        Assert.Contains("Voit tallentaa luonnoksen", draft);
        // A draft save of a submitted answer is refused, so its button would only lose what was typed.
        Assert.DoesNotContain(">Tallenna luonnos</button>", submitted);
        Assert.DoesNotContain("Voit tallentaa luonnoksen", submitted);
        Assert.Contains(">Palauta muokattu versio</button>", submitted);
        Assert.Contains("Muokattu vastaus palautetaan uutena versiona", submitted);
    }

    [Fact]
    public async Task A_refused_answer_is_read_with_its_field_the_error_named_by_aria_describedby()
    {
        var pia = await _learning.ParticipantAsync();

        var response = await pia.TaskAsync("Liian lyhyt.", submit: true);

        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("aria-describedby=\"task-kanavakartta-text-hint task-kanavakartta-text-error\" aria-invalid=\"true\"", page);
        Assert.Matches("<p class=\"field-error\" role=\"alert\" id=\"task-kanavakartta-text-error\">[^<]*40", page);
    }

    [Fact]
    public async Task A_written_task_shows_its_lesson_in_progress_on_the_lesson_and_the_course_page()
    {
        var pia = await _learning.ParticipantAsync();
        var before = await pia.Client.GetStringAsync(Lesson);
        await pia.TaskAsync(LearningSite.LongAnswer, submit: true);

        var lesson = await pia.Client.GetStringAsync(Lesson);
        var course = await pia.Client.GetStringAsync("/courses/kurssi");

        Assert.Contains("<p class=\"meta\" id=\"lesson-state\" lang=\"fi\">10 min · Aloittamatta</p>", before);
        // Submitted but not marked read: begun, not done (it said "not started" before).
        Assert.Contains("<p class=\"meta\" id=\"lesson-state\" lang=\"fi\">10 min · Kesken</p>", lesson);
        Assert.Matches("Oma työ</a>\\s*<span class=\"meta\" lang=\"fi\">10 min · <span class=\"state state-started\">Kesken</span>", course);
        Assert.Matches("Kanavat</a>\\s*<span class=\"meta\" lang=\"fi\">10 min · <span class=\"state state-notstarted\">Aloittamatta</span>", course);
    }
}
