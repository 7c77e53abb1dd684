using System.Net;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Authoring;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Tests.Authoring;

/// <summary>
/// The conflict view names who saved the version it shows and when (Helsinki time), "a deleted user" once that
/// account is gone, and says so when the file was changed outside the workspace, where nobody can be named.
/// </summary>
public sealed class WorkspaceConflictAuthorTests : IDisposable
{
    private const string Lesson = "01-alku/01-kanavat.md";
    private readonly WorkspaceSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task The_conflict_view_says_who_saved_the_other_version_and_when()
    {
        var first = await _site.NamedTrainerAsync(WorkspaceSite.Editor, "Outi Ensimmäinen");
        var second = await _site.TrainerAsync("admin@example.fi", Roles.Admin);
        var a = await WorkspaceSite.EditorFieldsAsync(first, "kurssi", Lesson);
        var b = await WorkspaceSite.EditorFieldsAsync(second, "kurssi", Lesson);
        a["Text"] = a["Text"].Replace("Tekstiä kanavista.", "Ensimmäisen muutos.");
        b["Text"] = b["Text"].Replace("Tekstiä kanavista.", "Toisen muutos.");
        Assert.Equal(HttpStatusCode.Redirect, (await WorkspaceSite.SaveAsync(first, "kurssi", a)).StatusCode);

        var html = WebUtility.HtmlDecode(await (await WorkspaceSite.SaveAsync(second, "kurssi", b)).Content.ReadAsStringAsync());

        var savedAt = await _site.Learning.DbAsync(db => db.Set<CourseFileRevision>()
            .Where(r => r.CourseId == "kurssi" && r.Path == Lesson && r.Action == "save").Select(r => r.CreatedAtUtc).SingleAsync());
        string when;
        using (Cultures.Use("fi"))
        {
            when = HelsinkiTime.DateAndTime(savedAt);
        }

        Assert.Contains($"<p id=\"conflict-by\">Outi Ensimmäinen tallensi tämän tiedoston {when}.</p>", html);
    }

    [Fact]
    public async Task A_version_by_a_deleted_account_or_from_outside_the_workspace_names_nobody()
    {
        var first = await _site.NamedTrainerAsync(WorkspaceSite.Editor, "Outi Ensimmäinen");
        var second = await _site.TrainerAsync("admin@example.fi", Roles.Admin);
        var a = await WorkspaceSite.EditorFieldsAsync(first, "kurssi", Lesson);
        var b = await WorkspaceSite.EditorFieldsAsync(second, "kurssi", Lesson);
        a["Text"] = a["Text"].Replace("Tekstiä kanavista.", "Ensimmäisen muutos.");
        b["Text"] = b["Text"].Replace("Tekstiä kanavista.", "Toisen muutos.");
        Assert.Equal(HttpStatusCode.Redirect, (await WorkspaceSite.SaveAsync(first, "kurssi", a)).StatusCode);
        // What account deletion does to the history: the name goes, the version stays.
        await _site.Learning.DbAsync(db => db.Set<CourseFileRevision>().Where(r => r.AuthorName == "Outi Ensimmäinen")
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.AuthorName, "")));

        var deleted = WebUtility.HtmlDecode(await (await WorkspaceSite.SaveAsync(second, "kurssi", b)).Content.ReadAsStringAsync());

        Assert.Contains("<p id=\"conflict-by\">poistettu käyttäjä tallensi tämän tiedoston", deleted);

        _site.Learning.Write("kurssi/" + Lesson, _site.Read("kurssi/" + Lesson) + "\nPalvelimella lisätty.\n");
        b = await WorkspaceSite.EditorFieldsAsync(second, "kurssi", Lesson);
        _site.Learning.Write("kurssi/" + Lesson, _site.Read("kurssi/" + Lesson) + "\nTaas palvelimella.\n");
        var outside = WebUtility.HtmlDecode(await (await WorkspaceSite.SaveAsync(second, "kurssi", b)).Content.ReadAsStringAsync());

        Assert.Contains("<p id=\"conflict-by\">Tiedostoa on muutettu työtilan ulkopuolella", outside);
        Assert.DoesNotContain("käyttäjä tallensi", outside);
        // Nobody "else" saved it: the alert says only that the file changed, the line under it says how.
        Assert.DoesNotContain("Joku muu", outside);
        Assert.DoesNotContain("toisen tekemä", outside);
        Assert.Contains("Tiedosto on muuttunut sen jälkeen, kun avasit sen.", outside);
    }
}
