namespace RemoteGuidanceTraining.Web.Tests.Authoring;

/// <summary>
/// The course's title in the workspace breadcrumbs carries the course's language, so a screen reader with a Swedish or
/// English interface reads a Finnish title with a Finnish voice (the editor's breadcrumb already did).
/// </summary>
public sealed class WorkspaceBreadcrumbLanguageTests : IDisposable
{
    private readonly WorkspaceSite _site = new();

    public void Dispose() => _site.Dispose();

    [Theory]
    [InlineData("/Trainer/Courses/kurssi/uploads")]
    [InlineData("/Trainer/Courses/kurssi/history?path=01-alku/01-kanavat.md")]
    [InlineData("/Trainer/Courses/kurssi/edit?path=01-alku/01-kanavat.md")]
    public async Task The_course_title_in_the_breadcrumb_is_marked_with_the_course_language(string page)
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);

        var html = await editor.GetStringAsync(page);

        Assert.Contains("<a lang=\"fi\" href=\"/Trainer/Courses/kurssi\">", html);
    }
}
