using System.Net;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Authoring;

/// <summary>
/// course.yml's `editors:` edited in the workspace: taking oneself out is asked first, and entries that let nobody in
/// (not an address, or no trainer or admin account) are warned about.
/// </summary>
public sealed class WorkspaceEditorsTests : IDisposable
{
    private readonly WorkspaceSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Removing_oneself_from_editors_asks_first_and_then_lands_on_the_course_list_with_a_message()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", "course.yml");
        var before = _site.Read("kurssi/course.yml");
        fields["Text"] = fields["Text"].Replace("  - " + WorkspaceSite.Editor, "  - " + WorkspaceSite.OtherEditor);

        var asked = await WorkspaceSite.SaveAsync(editor, "kurssi", fields);
        var html = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Tallennuksen jälkeen et voi enää muokata tätä koulutusta", html);
        Assert.Contains("name=\"ConfirmEditing\"", html);
        Assert.Contains("  - " + WorkspaceSite.OtherEditor, WorkspaceSite.TextareaOf(html, "file-text"));
        Assert.Equal(before, _site.Read("kurssi/course.yml"));

        fields["ConfirmEditing"] = "true";
        var saved = await WorkspaceSite.SaveAsync(editor, "kurssi", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/Trainer/Courses", saved.Headers.Location?.OriginalString);
        var list = WebUtility.HtmlDecode(await editor.GetStringAsync("/Trainer/Courses"));
        Assert.Contains("Et ole enää koulutuksen Pieni kurssi muokkaaja", list);
        Assert.Contains("  - " + WorkspaceSite.OtherEditor, _site.Read("kurssi/course.yml"));
    }

    [Fact]
    public async Task An_admin_changing_the_editors_is_not_asked_she_edits_every_course()
    {
        var admin = await _site.TrainerAsync("admin@example.fi", Roles.Admin);
        var fields = await WorkspaceSite.EditorFieldsAsync(admin, "kurssi", "course.yml");
        fields["Text"] = fields["Text"].Replace("  - " + WorkspaceSite.Editor, "  - " + WorkspaceSite.OtherEditor);

        var saved = await WorkspaceSite.SaveAsync(admin, "kurssi", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("/Trainer/Courses/kurssi/edit", saved.Headers.Location?.OriginalString);
        Assert.Contains("  - " + WorkspaceSite.OtherEditor, _site.Read("kurssi/course.yml"));
    }

    [Fact]
    public async Task Editing_the_editors_but_staying_among_them_is_not_asked()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", "course.yml");
        fields["Text"] = fields["Text"].Replace("  - " + WorkspaceSite.Editor, "  - " + WorkspaceSite.OtherEditor + "\n  - EDITOR@example.fi");

        var saved = await WorkspaceSite.SaveAsync(editor, "kurssi", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("/Trainer/Courses/kurssi/edit", saved.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Editors_that_let_nobody_in_are_warned_about_after_the_save_with_their_lines()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        await TestUsers.CreateAsync(_site.Site.Services, "osallistuja@example.fi", "Olli Osallistuja");
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", "course.yml");
        fields["Text"] = fields["Text"].Replace("  - " + WorkspaceSite.Editor,
            "  - " + WorkspaceSite.Editor + "\n  - Kaisa Kouluttaja\n  - eiketaan@example.fi\n  - osallistuja@example.fi");

        var saved = await WorkspaceSite.SaveAsync(editor, "kurssi", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = WebUtility.HtmlDecode(await editor.GetStringAsync(saved.Headers.Location!.OriginalString));

        Assert.Contains("Tallennettu.", html);
        Assert.DoesNotContain("Ei virheitä eikä varoituksia", html);
        Assert.Contains("'Kaisa Kouluttaja' ei ole sähköpostiosoite", html);
        Assert.Contains("Rivi 10:", html);
        Assert.Matches("Rivi 11:</strong>\\s*<strong>varoitus</strong>\\s*editors: osoitteella eiketaan@example.fi ei ole kouluttajan eikä ylläpitäjän tiliä", html);
        Assert.Matches("Rivi 12:</strong>\\s*<strong>varoitus</strong>\\s*editors: osoitteella osallistuja@example.fi ei ole", html);
        Assert.DoesNotContain("osoitteella " + WorkspaceSite.Editor, html);
        // The course page, where a trainer looks first, lists the course's warnings too, those needing accounts included.
        var coursePage = WebUtility.HtmlDecode(await editor.GetStringAsync("/Trainer/Courses/kurssi"));
        Assert.Contains("'Kaisa Kouluttaja' ei ole sähköpostiosoite", coursePage);
        Assert.Matches("kurssi/course.yml:11</code>\\s*<strong>varoitus</strong>\\s*editors: osoitteella eiketaan@example.fi ei ole kouluttajan eikä ylläpitäjän tiliä", coursePage);
        Assert.Matches("kurssi/course.yml:12</code>\\s*<strong>varoitus</strong>\\s*editors: osoitteella osallistuja@example.fi ei ole", coursePage);
        Assert.DoesNotContain("osoitteella " + WorkspaceSite.Editor, coursePage);

        // A refused save (here a broken YAML) shows the same page again: the saved file's warnings are still listed.
        var again = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", "course.yml");
        again["Text"] += "\nsummary: \"avoin lainaus\n";
        var refused = WebUtility.HtmlDecode(await (await WorkspaceSite.SaveAsync(editor, "kurssi", again)).Content.ReadAsStringAsync());
        Assert.Matches("Rivi 11:</strong>\\s*<strong>varoitus</strong>\\s*editors: osoitteella eiketaan@example.fi ei ole", refused);
    }
}
