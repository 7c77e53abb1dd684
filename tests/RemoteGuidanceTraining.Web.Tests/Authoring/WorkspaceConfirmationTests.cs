using System.Net;
using System.Text.RegularExpressions;

namespace RemoteGuidanceTraining.Web.Tests.Authoring;

/// <summary>
/// A "save anyway" box the trainer ticked comes back ticked when the save is refused for something else and the
/// same warning still applies; a warning that now names something else is asked again, unticked.
/// </summary>
public sealed class WorkspaceConfirmationTests : IDisposable
{
    private const string Lesson = "01-alku/01-kanavat.md";
    private readonly WorkspaceSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Leaving_the_editors_stays_ticked_when_the_save_is_refused_for_a_broken_course_yml()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", "course.yml");
        var leaving = fields["Text"].Replace("  - " + WorkspaceSite.Editor, "  - " + WorkspaceSite.OtherEditor);
        fields["Text"] = leaving.Replace("language: fi", "language: fi\nhours: [rikki");
        fields["ConfirmEditing"] = "true";

        var refused = await (await WorkspaceSite.SaveAsync(editor, "kurssi", fields)).Content.ReadAsStringAsync();

        Assert.Contains("Muutosta ei tallennettu", refused);
        Assert.True(WorkspaceSite.IsTicked(refused, "ConfirmEditing"), "the same warning, still confirmed");

        // The trainer fixes the YAML and saves the page as it is shown.
        fields["Text"] = leaving;
        fields["ConfirmEditing"] = WorkspaceSite.BoxValue(refused, "ConfirmEditing");
        var saved = await WorkspaceSite.SaveAsync(editor, "kurssi", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/Trainer/Courses", saved.Headers.Location?.OriginalString);
        Assert.Contains("  - " + WorkspaceSite.OtherEditor, _site.Read("kurssi/course.yml"));
    }

    [Fact]
    public async Task The_ids_box_stays_ticked_through_a_conflict_while_it_names_the_same_ids()
    {
        await (await _site.Learning.ParticipantAsync()).AnswerQuizAsync("b");
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", Lesson);
        fields["Text"] = fields["Text"].Replace("quiz kanavavisa", "quiz uusivisa");
        var warned = await (await WorkspaceSite.SaveAsync(editor, "kurssi", fields)).Content.ReadAsStringAsync();
        fields["ConfirmIds"] = WorkspaceSite.BoxValue(warned, "ConfirmIds");
        var theirs = _site.Read("kurssi/" + Lesson) + "\nToisen kouluttajan lisäys.\n";
        _site.Learning.Write("kurssi/" + Lesson, theirs); // someone else saves the file meanwhile

        var conflict = await (await WorkspaceSite.SaveAsync(editor, "kurssi", fields)).Content.ReadAsStringAsync();

        Assert.Contains("Poistuvat tunnisteet: kanavavisa", conflict);
        Assert.True(WorkspaceSite.IsTicked(conflict, "ConfirmIds"), "the same ids, still confirmed");
        Assert.Equal(theirs, _site.Read("kurssi/" + Lesson));

        // Merged by hand and saved from the conflict page as it is shown.
        fields["Text"] = theirs.Replace("quiz kanavavisa", "quiz uusivisa");
        fields["BaseHash"] = Regex.Match(conflict, "name=\"BaseHash\" value=\"([0-9a-f]*)\"").Groups[1].Value;
        fields["ConfirmIds"] = WorkspaceSite.BoxValue(conflict, "ConfirmIds");
        var saved = await WorkspaceSite.SaveAsync(editor, "kurssi", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("quiz uusivisa", _site.Read("kurssi/" + Lesson));
    }

    [Fact]
    public async Task A_tick_given_for_some_ids_does_not_save_a_text_that_removes_others_and_they_are_asked_unticked()
    {
        await (await _site.Learning.ParticipantAsync()).AnswerQuizAsync("b");
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", Lesson);
        var before = _site.Read("kurssi/" + Lesson);
        fields["Text"] = fields["Text"].Replace("quiz kanavavisa", "quiz uusivisa");
        var warned = await (await WorkspaceSite.SaveAsync(editor, "kurssi", fields)).Content.ReadAsStringAsync();
        fields["ConfirmIds"] = WorkspaceSite.BoxValue(warned, "ConfirmIds");
        // Before saving, the trainer renames a question too: one more id whose progress starts over.
        fields["Text"] = fields["Text"].Replace("question synkroninen", "question reaaliaikainen");

        var response = await WorkspaceSite.SaveAsync(editor, "kurssi", fields);
        var asked = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, _site.Read("kurssi/" + Lesson));
        Assert.Contains("Poistuvat tunnisteet: kanavavisa, synkroninen", asked);
        Assert.False(WorkspaceSite.IsTicked(asked, "ConfirmIds"), "a different list of ids, not confirmed yet");
    }
}
