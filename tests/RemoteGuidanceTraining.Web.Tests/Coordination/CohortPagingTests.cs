using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Coordination;

/// <summary>
/// A cohort of hundreds or thousands stays one usable page: each list shows 50 rows at a time with its own page in
/// the address, actions come back to the page they were made on, and a search finds one person by name or address.
/// </summary>
public sealed partial class CohortPagingTests : IDisposable
{
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task Pending_invitations_come_50_to_a_page_and_a_withdrawal_from_page_2_returns_to_page_2()
    {
        var a = await CoordinatorAsync();
        var id = await CreateCohortAsync(a);
        await AddAsync(a, id, string.Join('\n', Enumerable.Range(1, 120).Select(i => $"kutsuttu{i:000}@example.fi;Kutsuttu {i:000}")));
        var url = $"/Coordination/Cohorts/Cohort/{id}";

        var first = await a.GetStringAsync(url);
        Assert.Contains("Kutsutut, ei vielä hyväksytty (120)", first); // the heading counts everyone, not the page
        Assert.Equal(50, Rows(Table(first, "cohort-table-2")));
        Assert.Contains("kutsuttu001@example.fi", first);
        Assert.DoesNotContain("kutsuttu051@example.fi", first);
        Assert.Contains("Sivu 1/3", first);
        Assert.Contains($"href=\"{url}?PendingPage=2#pending\"", first);
        // A bounded page: 50 rows with two forms each, not one pair of forms per invitation.
        Assert.InRange(FormCount().Matches(first).Count, 100, 115);
        Assert.InRange(first.Length, 1, 200_000);

        var third = await a.GetStringAsync($"{url}?PendingPage=3");
        Assert.Equal(20, Rows(Table(third, "cohort-table-2")));
        Assert.Contains("kutsuttu120@example.fi", third);
        Assert.Contains("Sivu 3/3", third);

        var second = await a.GetStringAsync($"{url}?PendingPage=2");
        var action = WebUtility.HtmlDecode(WithdrawAction().Match(Table(second, "cohort-table-2")).Groups[1].Value);
        Assert.Contains("PendingPage=2", action); // the row's own form carries the page
        var memberId = await _learning.DbAsync(db => db.CohortMembers.Where(m => m.CohortId == id && m.InvitedName == "Kutsuttu 051").Select(m => m.Id).SingleAsync());
        var withdrawn = await a.PostFormAsync(action, new Dictionary<string, string> { ["memberId"] = $"{memberId}" }, formUrl: $"{url}?PendingPage=2");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal($"{url}?PendingPage=2", withdrawn.Headers.Location!.OriginalString);
        var after = await a.GetStringAsync(withdrawn.Headers.Location!.OriginalString);
        Assert.Contains("Kutsutut, ei vielä hyväksytty (119)", after);
        Assert.Contains("Sivu 2/3", after);
        Assert.DoesNotContain("kutsuttu051@example.fi", after);
        Assert.Contains("kutsuttu052@example.fi", after);

        // A page past the end shows the last page; a garbled page number shows the first, never an error.
        Assert.Contains("Sivu 3/3", await a.GetStringAsync($"{url}?PendingPage=999"));
        var garbled = await a.GetAsync($"{url}?PendingPage=abc&MembersPage=-4");
        Assert.Equal(HttpStatusCode.OK, garbled.StatusCode);
        Assert.Contains("Sivu 1/3", await garbled.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ticked_people_on_page_2_are_reminded_and_the_coordinator_stays_there_while_remind_all_reaches_every_page()
    {
        var a = await CoordinatorAsync();
        var id = await CreateCohortAsync(a);
        var emails = new List<string>();
        for (var i = 1; i <= 60; i++)
        {
            var email = $"jasen{i:00}@example.fi";
            var user = await TestUsers.CreateAsync(_learning.Site.Services, email, $"Jäsen {i:00}");
            await TestOrganisations.JoinAsync(_learning.Site.Services, user.Id, "Organisaatio A");
            emails.Add(email);
        }

        await AddAsync(a, id, string.Join('\n', emails));
        var url = $"/Coordination/Cohorts/Cohort/{id}";
        var first = await a.GetStringAsync(url);
        Assert.Contains("Osallistujat (60)", first);
        Assert.Equal(50, Rows(Table(first, "cohort-table-1")));
        Assert.Contains($"href=\"{url}?MembersPage=2#members\"", first);

        var second = await a.GetStringAsync($"{url}?MembersPage=2");
        Assert.Equal(10, Rows(Table(second, "cohort-table-1")));
        var ticked = TickBoxes().Matches(Table(second, "cohort-table-1")).Select(m => m.Groups[1].Value).Take(2).ToList();
        Assert.Equal(2, ticked.Count);
        var action = WebUtility.HtmlDecode(RemindAction().Match(second).Groups[1].Value);
        Assert.Contains("MembersPage=2", action);
        var sent = await a.PostFormFieldsAsync(action,
            [new("audience", "Selected"), .. ticked.Select(t => new KeyValuePair<string, string>("memberIds", t))], formUrl: $"{url}?MembersPage=2");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"{url}?MembersPage=2", sent.Headers.Location!.OriginalString);
        Assert.Equal(2, await _learning.DbAsync(db => db.OutboxMessages.CountAsync(m => m.SubjectType == "cohort-reminder")));

        // "Everyone not started" is everyone in the cohort, not the 50 on the page shown (less the two ticked ones,
        // reminded just now: nobody gets a second reminder within 24 hours).
        await a.PostFormAsync($"{url}?handler=Remind", new Dictionary<string, string> { ["audience"] = "NotStarted" }, formUrl: url);
        Assert.Equal(60, await _learning.DbAsync(db => db.OutboxMessages.CountAsync(m => m.SubjectType == "cohort-reminder")));
    }

    [Fact]
    public async Task A_search_finds_a_person_by_name_or_address_ignoring_case_in_ä_and_ö_and_only_by_what_the_coordinator_typed_for_invitations()
    {
        var a = await CoordinatorAsync();
        var id = await CreateCohortAsync(a);
        var member = await TestUsers.CreateAsync(_learning.Site.Services, "aino@example.fi", "Äijälä Aino");
        await TestOrganisations.JoinAsync(_learning.Site.Services, member.Id, "Organisaatio A");
        await TestUsers.CreateAsync(_learning.Site.Services, "ulla@example.fi", "Ulla Ulkopuolinen"); // outside the organisation: invited
        await AddAsync(a, id, "aino@example.fi\nulla@example.fi;Ulla U\norkki@example.fi;Östen Örkki\nmuu@example.fi;Muu Ihminen");
        var url = $"/Coordination/Cohorts/Cohort/{id}";

        var found = await a.GetStringAsync($"{url}?q=%C3%84IJ%C3%84L%C3%84"); // ÄIJÄLÄ
        Assert.Contains("Äijälä Aino", found);
        Assert.Contains("Osallistujat (1)", found);
        Assert.Contains("Kutsutut, ei vielä hyväksytty (3)", found); // the headings still count everyone
        Assert.DoesNotContain("muu@example.fi", found);

        var typedName = await a.GetStringAsync($"{url}?q=%C3%B6sten"); // östen
        Assert.Contains("orkki@example.fi", Table(typedName, "cohort-table-2"));
        Assert.DoesNotContain("muu@example.fi", typedName);
        Assert.DoesNotContain("Äijälä Aino", typedName);

        // The account's own name of an invited person is not the coordinator's to see, nor to search by.
        var accountName = await a.GetStringAsync($"{url}?q=Ulkopuolinen");
        Assert.DoesNotContain("ulla@example.fi", accountName);
        Assert.Contains("Hakua vastaa 0.", accountName);
    }

    [Fact]
    public async Task Percent_and_underscore_in_a_search_match_only_themselves_among_members_and_invitations()
    {
        var a = await CoordinatorAsync();
        var id = await CreateCohortAsync(a);
        foreach (var (email, name) in new[] { ("aino_a@example.fi", "Aino Alaviiva"), ("ainoxa@example.fi", "Aino Äksä") })
        {
            var member = await TestUsers.CreateAsync(_learning.Site.Services, email, name);
            await TestOrganisations.JoinAsync(_learning.Site.Services, member.Id, "Organisaatio A");
        }

        await AddAsync(a, id, "aino_a@example.fi\nainoxa@example.fi\nale@example.fi;Ale 50% Nimi\nale2@example.fi;Ale 500 Nimi");
        var url = $"/Coordination/Cohorts/Cohort/{id}";

        var underscore = WebUtility.HtmlDecode(await a.GetStringAsync($"{url}?q=aino_a"));
        Assert.Contains("Aino Alaviiva", underscore);
        Assert.DoesNotContain("Aino Äksä", underscore);
        Assert.Contains("Osallistujat (2)", underscore);

        var percent = WebUtility.HtmlDecode(await a.GetStringAsync($"{url}?q=50%25"));
        Assert.Contains("ale@example.fi", Table(percent, "cohort-table-2"));
        Assert.DoesNotContain("ale2@example.fi", percent);
    }

    private static int Rows(string table) => Regex.Count(table, "<th scope=\"row\">");

    /// <summary>The table whose caption has this id, from the caption to its end.</summary>
    private static string Table(string page, string captionId)
    {
        var start = page.IndexOf($"id=\"{captionId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table {captionId}");
        return page[start..page.IndexOf("</table>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<form ")]
    private static partial Regex FormCount();

    [GeneratedRegex("<form method=\"post\"[^>]* action=\"([^\"]*handler=Remove[^\"]*)\"")]
    private static partial Regex WithdrawAction();

    [GeneratedRegex("<form method=\"post\"[^>]* action=\"([^\"]*handler=Remind[^\"]*)\"")]
    private static partial Regex RemindAction();

    [GeneratedRegex("name=\"memberIds\" value=\"(\\d+)\"")]
    private static partial Regex TickBoxes();

    private static Task<HttpResponseMessage> AddAsync(HttpClient coordinator, int id, string typed) =>
        coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{id}?handler=Typed", new Dictionary<string, string> { ["typed"] = typed }, formUrl: $"/Coordination/Cohorts/Cohort/{id}");

    private async Task<HttpClient> CoordinatorAsync() => (await TestUsers.SignedInCoordinatorAsync(_learning.Site, "Organisaatio A")).Client;

    private static async Task<int> CreateCohortAsync(HttpClient coordinator)
    {
        var response = await coordinator.PostFormAsync("/Coordination/Cohorts", new Dictionary<string, string>
        {
            ["Input.Name"] = "Suuri ryhmä", ["Input.CourseId"] = "kurssi", ["Input.StartsOn"] = "2026-12-01", ["Input.EndsOn"] = "2027-03-01",
        });
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
