using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
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

    [Fact]
    public async Task The_tasks_column_says_it_counts_submitted_tasks_and_reviewed_ones_once_accepted_on_screen_and_in_both_exports()
    {
        var admin = await AdminAsync();
        await _learning.ParticipantAsync("pia@example.fi", "Pia Osallistuja");
        const string header = "Tehtävät tehty (palautettu, arvioitavat hyväksytty)";

        Assert.Contains($"<th scope=\"col\">{header}</th>", await admin.GetStringAsync("/Coordination/Reports?course=kurssi"));
        Assert.Contains($";{header};", await admin.GetStringAsync("/Coordination/Reports?course=kurssi&handler=Csv"));
        using var xlsx = SpreadsheetDocument.Open(new MemoryStream(await admin.GetByteArrayAsync("/Coordination/Reports?course=kurssi&handler=Xlsx")), false);
        Assert.Contains(header, xlsx.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().First().Elements<Cell>().Select(c => c.InnerText));
    }

    private async Task<HttpClient> AdminAsync()
    {
        await TestUsers.CreateAsync(_learning.Site.Services, "admin@example.fi", "Ylläpitäjä", Roles.Admin);
        var client = _learning.Site.CreateBrowserLikeClient();
        await client.SignInAsync("admin@example.fi", TestUsers.Password);
        return client;
    }
}
