using System.Net;
using System.Text.RegularExpressions;

namespace RemoteGuidanceTraining.Web.Tests.Authoring;

/// <summary>The workspace's course page names lessons and modules by their titles, with the path beside each.</summary>
public sealed class WorkspaceFileTitlesTests : IDisposable
{
    private readonly WorkspaceSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Lessons_and_modules_are_listed_by_title_with_the_path_as_secondary_text()
    {
        // A lesson without front matter (the course now has an error) still has a row: its path is its name.
        _site.Learning.Write("kurssi/01-alku/03-rikki.md", "Ei otsikkoa.\n");
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var html = WebUtility.HtmlDecode(await editor.GetStringAsync("/Trainer/Courses/kurssi"));

        Assert.Contains("<strong lang=\"fi\">Alku</strong> <span class=\"hint\"><code>01-alku</code></span>", html);
        Assert.Matches("^<a lang=\"fi\" [^>]*>Kanavat</a>$", EditorLink(html, "01-alku/01-kanavat.md"));
        Assert.Contains("<span class=\"hint\"><code>01-alku/01-kanavat.md</code></span>", html);
        Assert.Matches("^<a lang=\"fi\" [^>]*>Oma työ</a>$", EditorLink(html, "01-alku/02-oma-tyo.md"));
        Assert.EndsWith("><code>01-alku/03-rikki.md</code></a>", EditorLink(html, "01-alku/03-rikki.md"));
    }

    [Fact]
    public async Task Buttons_of_a_row_name_its_title_to_a_screen_reader()
    {
        _site.Learning.Write("kurssi/02-toinen/module.yml", "title: Toinen moduuli\n");
        _site.Learning.Write("kurssi/02-toinen/01-muuta.md", "---\ntitle: Muuta\n---\n\nTekstiä.\n");
        _site.Learning.Reload();
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var html = WebUtility.HtmlDecode(await editor.GetStringAsync("/Trainer/Courses/kurssi"));

        Assert.Contains("aria-label=\"Alas: Kanavat\"", html);
        Assert.Contains("aria-label=\"Siirrä moduuliin: Kanavat\"", html);
        Assert.Contains("aria-label=\"Poista: Kanavat\"", html);
        Assert.Contains("aria-label=\"Versiot: Kanavat\"", html);
        Assert.Contains("aria-label=\"Ylös: Toinen moduuli\"", html);
        Assert.Contains("aria-label=\"Poista moduuli Toinen moduuli oppitunteineen\"", html);
        Assert.Contains("<option value=\"02-toinen\">Toinen moduuli</option>", html);
        Assert.DoesNotContain("aria-label=\"Poista: 01-alku/01-kanavat.md\"", html);
    }

    /// <summary>The whole editor link of a path (its slash escaped or not), from "&lt;a" to "&lt;/a&gt;".</summary>
    private static string EditorLink(string html, string path) =>
        Regex.Match(html, $"<a [^>]*href=\"/Trainer/Courses/kurssi/edit\\?path={Regex.Escape(path).Replace("/", "(?:/|%2F)")}\"[^>]*>.*?</a>").Value;
}
