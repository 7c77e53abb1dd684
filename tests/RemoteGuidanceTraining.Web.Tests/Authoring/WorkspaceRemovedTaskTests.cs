using System.Net;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Authoring;

/// <summary>
/// Removing or renaming a task's id asks first and says how many answers people have written on it, submitted and
/// drafts, and what becomes of them (kept in the database, no longer shown to participants).
/// </summary>
public sealed class WorkspaceRemovedTaskTests : IDisposable
{
    private const string Lesson = "01-alku/02-oma-tyo.md";
    private readonly WorkspaceSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Renaming_a_task_id_names_its_submitted_and_draft_answers_before_saving()
    {
        await (await _site.Learning.ParticipantAsync()).TaskAsync(LearningSite.LongAnswer, submit: true);
        await (await _site.Learning.ParticipantAsync()).TaskAsync("Keskeneräinen luonnos.", submit: false);
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", Lesson);
        var before = _site.Read("kurssi/" + Lesson);
        fields["Text"] = fields["Text"].Replace("task kanavakartta", "task uusikartta");

        var response = await WorkspaceSite.SaveAsync(editor, "kurssi", fields);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, _site.Read("kurssi/" + Lesson));
        Assert.Contains("Poistuvat tunnisteet: kanavakartta", html);
        Assert.Contains("Tehtävän kanavakartta vastauksia: 2 (palautettuja 1, luonnoksia 1).", html);
        Assert.Contains("Vastauksia ei poisteta: ne säilyvät tietokannassa.", html);
    }
}
