using System.Net;

namespace RemoteGuidanceTraining.Web.Tests.Authoring;

/// <summary>The workspace shows a declared extent far from the estimate (as `validate-courses --extent` does), as warnings that never block a save.</summary>
public sealed class WorkspaceExtentTests : IDisposable
{
    private readonly WorkspaceSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Hours_far_from_the_estimate_are_a_warning_with_the_numbers_on_the_course_page_and_saving_goes_on()
    {
        var editor = await _site.TrainerAsync(WorkspaceSite.Editor);
        var fields = await WorkspaceSite.EditorFieldsAsync(editor, "kurssi", "course.yml");
        fields["Text"] = fields["Text"].Replace("hours: 27", "hours: 135");

        var saved = await WorkspaceSite.SaveAsync(editor, "kurssi", fields);
        var page = WebUtility.HtmlDecode(await editor.GetStringAsync("/Trainer/Courses/kurssi"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Koulutus on kunnossa ja sivustolla.", page);
        // One task of 1 h and 1.5 minutes of quiz and a few words: the estimate is 1.03 h.
        Assert.Contains("Koulutuksen laajuudeksi on merkitty 135 tuntia (hours), mutta arvio on 1,03 h; sallittu 0,87–1,18 h.", page);
        Assert.Contains("Opintopisteiksi on merkitty 1 op (credits), mutta merkityt tunnit vastaavat 5 op:tä", page);
        Assert.Contains("<code>kurssi/course.yml</code>", page);
    }
}
