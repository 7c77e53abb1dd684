using System.Net;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Authoring;

/// <summary>
/// A changed question gives its quiz a new content hash, and results on the old version stop counting: on a published
/// course the trainer is told which questions and how many people it touches before anything is saved.
/// </summary>
public sealed class WorkspaceQuestionChangeTests : IDisposable
{
    private const string Lesson = "01-alku/01-kanavat.md";
    private readonly WorkspaceSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Rewording_a_question_someone_passed_warns_with_the_question_and_the_count_and_saves_only_when_confirmed()
    {
        var participant = await _site.Learning.ParticipantAsync();
        await participant.AnswerQuizAsync("b");
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var before = _site.Read("kurssi/" + Lesson);
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", Lesson);
        fields["Text"] = fields["Text"].Replace("Mikä on synkroninen kanava?", "Mikä on synkroninen kanava?!");

        var warned = await WorkspaceSite.SaveAsync(editor, "kurssi", fields);
        var warning = await warned.Content.ReadAsStringAsync();
        var unchanged = _site.Read("kurssi/" + Lesson);
        fields["ConfirmQuestions"] = WorkspaceSite.BoxValue(warning, "ConfirmQuestions");
        var confirmed = await WorkspaceSite.SaveAsync(editor, "kurssi", fields);

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("Muutosta ei vielä tallennettu", warning);
        Assert.Contains("tietovisojen kysymyksiä: kanavavisa/synkroninen. Osallistujia, joilla on tulos näissä tietovisoissa: 1.", warning);
        Assert.Contains("name=\"ConfirmQuestions\"", warning);
        Assert.Equal(before, unchanged);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("synkroninen kanava?!", _site.Read("kurssi/" + Lesson));
    }

    [Fact]
    public async Task Restoring_an_older_wording_warns_like_save()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", Lesson);
        fields["Text"] = fields["Text"].Replace("- [ ] Sähköposti", "- [ ] Sähköposti tai kirje");
        Assert.Equal(HttpStatusCode.Redirect, (await WorkspaceSite.SaveAsync(editor, "kurssi", fields)).StatusCode); // nobody has answered yet
        var participant = await _site.Learning.ParticipantAsync();
        await participant.AnswerQuizAsync("b");
        var history = await editor.GetStringAsync($"/Trainer/Courses/kurssi/history?path={Lesson}");
        var original = System.Text.RegularExpressions.Regex.Matches(history, "name=\"revision\" value=\"(\\d+)\"").Select(m => m.Groups[1].Value).Last();
        var restore = new Dictionary<string, string> { ["Path"] = Lesson, ["revision"] = original };

        var warned = await editor.PostFormAsync("/Trainer/Courses/kurssi/history?handler=Restore", restore, formUrl: "/Trainer/Courses");
        var warning = await warned.Content.ReadAsStringAsync();
        var unchanged = _site.Read("kurssi/" + Lesson);
        restore["ConfirmQuestions"] = WorkspaceSite.BoxValue(warning, "ConfirmQuestions");
        var confirmed = await editor.PostFormAsync("/Trainer/Courses/kurssi/history?handler=Restore", restore, formUrl: "/Trainer/Courses");

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("kanavavisa/synkroninen", warning);
        Assert.Contains("tulos näissä tietovisoissa: 1.", warning);
        Assert.Contains("Sähköposti tai kirje", unchanged);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.DoesNotContain("Sähköposti tai kirje", _site.Read("kurssi/" + Lesson));
    }

    [Fact]
    public async Task Fixing_lesson_text_outside_the_quiz_saves_without_a_warning()
    {
        var participant = await _site.Learning.ParticipantAsync();
        await participant.AnswerQuizAsync("b");
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", Lesson);
        fields["Text"] = fields["Text"].Replace("Tekstiä kanavista.", "Tekstiä  kanavista .");

        var response = await WorkspaceSite.SaveAsync(editor, "kurssi", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Tekstiä  kanavista .", _site.Read("kurssi/" + Lesson));
    }
}
