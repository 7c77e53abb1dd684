using System.Net;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Courses;

/// <summary>A downloadable template beside a lesson (.csv) is served from the course's media address.</summary>
public sealed class CourseTemplateDownloadTests
{
    [Fact]
    public async Task A_csv_template_is_served_as_csv_and_an_unlisted_type_is_not()
    {
        using var learning = new LearningSite();
        learning.Write("kurssi/01-alku/kanavakartta-pohja.csv", "Kanava;Kenelle;Milloin\n");
        learning.Write("kurssi/01-alku/muistio.md.bak", "ei ladattava");
        learning.Reload();
        var client = learning.Site.CreateClient();

        var csv = await client.GetAsync("/courses/kurssi/media/01-alku/kanavakartta-pohja.csv");
        var other = await client.GetAsync("/courses/kurssi/media/01-alku/muistio.md.bak");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Kanava;Kenelle;Milloin\n", await csv.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }
}
