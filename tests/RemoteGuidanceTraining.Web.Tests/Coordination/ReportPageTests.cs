using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Coordination;

/// <summary>What the report page says and where its links lead, as a coordinator reads them.</summary>
public sealed class ReportPageTests : IDisposable
{
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task The_funnel_table_names_its_count_column_for_every_kind_of_requirement_not_only_lessons()
    {
        var admin = await AdminAsync();
        await _learning.ParticipantAsync("pia@example.fi", "Pia Osallistuja");

        var page = await admin.GetStringAsync("/Coordination/Reports?course=kurssi");

        Assert.Contains("<th scope=\"col\">Vaatimus</th><th scope=\"col\">Täyttänyt vaatimuksen</th>", page);
        Assert.Contains("Tietovisa: Kanavat", page);  // a quiz row under that header
    }

    private async Task<HttpClient> AdminAsync()
    {
        await TestUsers.CreateAsync(_learning.Site.Services, "admin@example.fi", "Ylläpitäjä", Roles.Admin);
        var client = _learning.Site.CreateBrowserLikeClient();
        await client.SignInAsync("admin@example.fi", TestUsers.Password);
        return client;
    }
}
