using System.Net;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Admin;

/// <summary>Finnish counts of one are singular on the admin's and coordinator's pages ("1 henkilö", not "1 henkilöä").</summary>
public sealed class SingularCountTests : IDisposable
{
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task One_person_one_participant_and_one_course_are_singular()
    {
        var pia = await _learning.ParticipantAsync();
        await TestOrganisations.JoinAsync(_learning.Site.Services, pia.UserId, "Kajaanin opisto", "kainuu");
        await pia.DoneAsync("alku/kanavat");
        await TestUsers.CreateAsync(_learning.Site.Services, "admin@example.fi", "Anni Admin", Roles.Admin, Roles.Trainer);
        var admin = _learning.Site.CreateBrowserLikeClient();
        await admin.SignInAsync("admin@example.fi", TestUsers.Password);

        var organisations = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Organisations"));
        var grid = WebUtility.HtmlDecode(await admin.GetStringAsync("/Coordination/Grid?course=kurssi"));
        var problems = WebUtility.HtmlDecode(await admin.GetStringAsync("/Trainer/CourseProblems"));

        Assert.Contains("<p>1 henkilö · ", organisations);
        Assert.Contains("Osallistujat ja vaatimukset (1 osallistuja)", grid);
        Assert.Contains("1 koulutus käytössä.", problems);
    }
}
