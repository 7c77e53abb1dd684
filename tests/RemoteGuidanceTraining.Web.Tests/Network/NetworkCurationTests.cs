using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using static RemoteGuidanceTraining.Web.Tests.Network.NetworkKit;

namespace RemoteGuidanceTraining.Web.Tests.Network;

/// <summary>
/// Coordinators curate the profiles whose home lies in their region (or in the group of that code, for the Sámi
/// homeland); they cannot touch others, whatever ids they post.
/// </summary>
public sealed partial class NetworkCurationTests : IDisposable
{
    private readonly TestSite _site = TestSite.With(new Dictionary<string, string?> { ["App:PublicBaseUrl"] = "https://verkosto.example.fi" });

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Each_coordinator_curates_only_the_profiles_of_their_region()
    {
        await JoinThreeAsync();
        var lapland = await CoordinatorAsync("lappi@example.fi", "lappi");
        var sami = await CoordinatorAsync("saame@example.fi", "saamelaisalue");
        var uusimaa = await CoordinatorAsync("uusimaa@example.fi", "uusimaa");
        var none = await CoordinatorAsync("ei-aluetta@example.fi", null);

        Assert.Equal(["Sanna Sodankylästä", "Tuomas Torniosta", "Áilu Utsjoelta"], Names(await lapland.GetStringAsync("/Network/Coordination/Index")));
        Assert.Equal(["Sanna Sodankylästä", "Áilu Utsjoelta"], Names(await sami.GetStringAsync("/Network/Coordination/Index")));
        Assert.Empty(Names(await uusimaa.GetStringAsync("/Network/Coordination/Index")));
        Assert.Contains("Profiilissasi ei ole aluetta", WebUtility.HtmlDecode(await none.GetStringAsync("/Network/Coordination/Index")));

        var tornio = await ProfileIdAsync("Tuomas Torniosta");
        foreach (var (client, handler) in new[] { (sami, "Hide"), (uusimaa, "Hide"), (none, "Hide"), (sami, "Ask") })
        {
            var response = await client.PostFormAsync($"/Network/Coordination/Index?handler={handler}&id={tornio}", new Dictionary<string, string>(), formUrl: "/Network/Coordination/Index");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Contains("Tuomas Torniosta", await _site.CreateClient().GetStringAsync("/verkosto"));
        Assert.Empty(_site.Mailbox.To("tuomas@example.fi"));
        Assert.Null(await DbAsync(_site.Services, db => db.NetworkProfiles.Where(p => p.Id == tornio).Select(p => p.UpdateRequestedAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task A_hidden_profile_leaves_the_public_network_until_its_owner_saves_it_again()
    {
        var (ailu, _, _) = await JoinThreeAsync();
        var sami = await CoordinatorAsync("saame@example.fi", "saamelaisalue");
        var id = await ProfileIdAsync("Áilu Utsjoelta");

        var hide = await sami.PostFormAsync($"/Network/Coordination/Index?handler=Hide&id={id}", new Dictionary<string, string>(), formUrl: "/Network/Coordination/Index");

        Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);
        Assert.DoesNotContain("Áilu Utsjoelta", await _site.CreateClient().GetStringAsync("/verkosto"));
        Assert.DoesNotContain("Áilu Utsjoelta", await _site.CreateClient().GetStringAsync("/verkosto/export/csv"));
        Assert.Contains("piilotti profiilisi", await ailu.GetStringAsync("/Network/Profile"));
        await JoinAsync(_site.Services, ailu, Ailu);
        Assert.Contains("Áilu Utsjoelta", await _site.CreateClient().GetStringAsync("/verkosto"));
    }

    [Fact]
    public async Task Asking_for_an_update_mails_a_link_to_the_profile_at_the_public_address()
    {
        await JoinThreeAsync();
        var sami = await CoordinatorAsync("saame@example.fi", "saamelaisalue");
        var id = await ProfileIdAsync("Sanna Sodankylästä");

        var ask = await sami.PostFormAsync($"/Network/Coordination/Index?handler=Ask&id={id}", new Dictionary<string, string>(), formUrl: "/Network/Coordination/Index");

        Assert.Equal(HttpStatusCode.Redirect, ask.StatusCode);
        var mail = await _site.Mailbox.WaitForAsync("sanna@example.fi");
        Assert.Equal("Tarkistathan verkostoprofiilisi", mail.Subject);
        Assert.Equal("https://verkosto.example.fi/Network/Profile", PickupMailbox.LinkIn(mail, "/Network/Profile"));
        Assert.Contains("päivitystä pyydetty", await sami.GetStringAsync("/Network/Coordination/Index"));
    }

    [Fact]
    public async Task Gaps_show_where_no_service_reaches_by_channel_and_language()
    {
        await JoinThreeAsync();
        var sami = await CoordinatorAsync("saame@example.fi", "saamelaisalue");

        var gaps = WebUtility.HtmlDecode(await sami.GetStringAsync("/Network/Coordination/Gaps"));

        // Áilu (Utsjoki, North Sámi, chat) reaches the Sámi homeland by chat; nobody offers Inari Sámi by chat there.
        Assert.Equal("1", Cell(gaps, "saamelaisalue", "se", "chat"));
        Assert.Equal("ei palvelua", Cell(gaps, "saamelaisalue", "smn", "chat"));
        // Itä-Lappi is shown because Sodankylä is in both; Sanna speaks Finnish on the phone, nobody Sámi by chat.
        Assert.Equal("1", Cell(gaps, "ita-lappi", "fi", "phone"));
        Assert.Equal("ei palvelua", Cell(gaps, "ita-lappi", "se", "chat"));
        Assert.DoesNotContain("data-group=\"lansi-lappi\"", gaps);
        Assert.Contains("data-municipality=\"enontekio\"", gaps);
        Assert.DoesNotContain("data-municipality=\"tornio\"", gaps);
    }

    [Fact]
    public async Task A_groups_table_counts_services_in_all_its_municipalities_whoever_looks()
    {
        // Sámi chat in Salla: in Itä-Lappi, outside the Sámi homeland, whose coordinator sees Itä-Lappi through Sodankylä.
        var saara = await SignedInAsync(_site, "saara@example.fi", "Saara Sallasta");
        await JoinAsync(_site.Services, saara, new("Saara Sallasta", "salla", [], ["se"], ["chat"]));
        var sami = await CoordinatorAsync("saame@example.fi", "saamelaisalue");
        var lapland = await CoordinatorAsync("lappi@example.fi", "lappi");

        var fromSami = WebUtility.HtmlDecode(await sami.GetStringAsync("/Network/Coordination/Gaps"));
        var fromLapland = WebUtility.HtmlDecode(await lapland.GetStringAsync("/Network/Coordination/Gaps"));

        Assert.Equal("1", Cell(fromLapland, "ita-lappi", "se", "chat"));
        Assert.Equal("1", Cell(fromSami, "ita-lappi", "se", "chat")); // it said "ei palvelua" to this coordinator
        Assert.DoesNotContain("data-municipality=\"salla\"", fromSami); // the municipalities listed stay the viewer's own
    }

    [Fact]
    public async Task The_swedish_curation_list_names_home_municipalities_in_swedish()
    {
        await JoinThreeAsync();
        var lapland = await CoordinatorAsync("lappi@example.fi", "lappi");
        await lapland.PostFormAsync("/Language", new Dictionary<string, string> { ["culture"] = "sv", ["returnUrl"] = "/" }, formUrl: "/");

        var page = WebUtility.HtmlDecode(await lapland.GetStringAsync("/Network/Coordination/Index"));

        Assert.Contains("Torneå", page);
        Assert.DoesNotContain(">Tornio<", page);
    }

    [Fact]
    public async Task The_export_dates_a_late_evening_save_by_the_helsinki_day_as_the_page_does()
    {
        await JoinThreeAsync();
        var id = await ProfileIdAsync("Sanna Sodankylästä");
        // 00.30 on 27 November in Helsinki.
        await DbAsync(_site.Services, db => db.NetworkProfiles.Where(p => p.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.UpdatedAtUtc, new DateTime(2026, 11, 26, 22, 30, 0, DateTimeKind.Utc))));
        var visitor = _site.CreateClient();

        Assert.Contains("27.11.2026", await visitor.GetStringAsync("/verkosto?municipality=sodankyla"));
        Assert.Contains("\"updated\": \"2026-11-27\"", await visitor.GetStringAsync("/verkosto/export/json?municipality=sodankyla"));
        Assert.Contains("2026-11-27", await visitor.GetStringAsync("/verkosto/export/csv?municipality=sodankyla"));
    }

    [Fact]
    public async Task The_public_list_is_in_the_readers_alphabet_whatever_the_case()
    {
        foreach (var (email, name) in new[] { ("p@example.fi", "Pekka Ohjaaja"), ("a@example.fi", "anders Vägledare"), ("ae@example.fi", "Ärje Ohjaaja"), ("ao@example.fi", "Åsa Ohjaaja") })
        {
            await JoinAsync(_site.Services, await SignedInAsync(_site, email, name), new(name, "rovaniemi", [], ["fi"], ["phone"]));
        }

        var finnish = await _site.CreateClient().GetStringAsync("/verkosto");

        Assert.Equal(["anders Vägledare", "Pekka Ohjaaja", "Åsa Ohjaaja", "Ärje Ohjaaja"],
            new[] { "anders Vägledare", "Pekka Ohjaaja", "Åsa Ohjaaja", "Ärje Ohjaaja" }.OrderBy(n => finnish.IndexOf(n, StringComparison.Ordinal)));
    }

    private static readonly Practitioner Ailu = new("Áilu Utsjoelta", "utsjoki", ["inari"], ["se", "fi"], ["chat"]);

    private async Task<(HttpClient Ailu, HttpClient Sanna, HttpClient Tuomas)> JoinThreeAsync()
    {
        var ailu = await SignedInAsync(_site, "ailu@example.fi", "Áilu Aikio");
        await JoinAsync(_site.Services, ailu, Ailu);
        var sanna = await SignedInAsync(_site, "sanna@example.fi", "Sanna Sodankylä");
        await JoinAsync(_site.Services, sanna, new("Sanna Sodankylästä", "sodankyla", [], ["fi"], ["phone"]));
        var tuomas = await SignedInAsync(_site, "tuomas@example.fi", "Tuomas Tornio");
        await JoinAsync(_site.Services, tuomas, new("Tuomas Torniosta", "tornio", ["kemi"], ["fi", "sv"], ["video"]));
        return (ailu, sanna, tuomas);
    }

    private async Task<HttpClient> CoordinatorAsync(string email, string? region)
    {
        var user = await TestUsers.CreateAsync(_site.Services, email, "Koordinaattori", Roles.Coordinator);
        if (region is not null)
        {
            // The scope an admin assigns (issue 10), never the coordinator's own profile.
            using var scope = _site.Services.CreateScope();
            Assert.Null(await scope.ServiceProvider.GetRequiredService<Web.Organisations.OrganisationDirectory>().SetScopeAsync(user.Id, [], [region], "test-admin"));
        }

        var client = _site.CreateBrowserLikeClient();
        await client.SignInAsync(email, TestUsers.Password);
        return client;
    }

    private Task<int> ProfileIdAsync(string name) => DbAsync(_site.Services, db => db.NetworkProfiles.Where(p => p.DisplayName == name).Select(p => p.Id).SingleAsync());

    private static List<string> Names(string html) =>
        [.. CuratedName().Matches(WebUtility.HtmlDecode(html)).Select(m => m.Groups[1].Value.Trim()).Order(StringComparer.Ordinal)];

    private static string Cell(string html, string group, string language, string channel)
    {
        var table = html[html.IndexOf($"data-group=\"{group}\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        var row = table[table.IndexOf($"data-language=\"{language}\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        return Regex.Match(row, $"data-channel=\"{channel}\">([^<]*)<").Groups[1].Value;
    }

    [GeneratedRegex("<tr data-profile=\"\\d+\">\\s*<th scope=\"row\">([^<]+)<")]
    private static partial Regex CuratedName();
}
