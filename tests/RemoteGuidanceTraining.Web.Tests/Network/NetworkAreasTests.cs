using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Network;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using static RemoteGuidanceTraining.Web.Tests.Network.NetworkKit;

namespace RemoteGuidanceTraining.Web.Tests.Network;

/// <summary>The shipped Lapland areas, seeded once; admins add regions and groups of their own.</summary>
public sealed class NetworkAreasTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Lapland_ships_with_its_21_municipalities_in_four_groups_and_seeding_again_adds_nothing()
    {
        _ = _site.CreateClient();
        await DbAsync(_site.Services, async db => { await LaplandDefaults.SeedAsync(db); return 0; });

        var groups = await DbAsync(_site.Services, db => db.NetworkGroups.Include(g => g.Members).ThenInclude(m => m.Municipality)
            .ToDictionaryAsync(g => g.Code, g => g.Members.Select(m => (m.Municipality!.Code, m.Partial)).OrderBy(m => m.Code).ToList()));
        Assert.Equal(21, await DbAsync(_site.Services, db => db.NetworkMunicipalities.CountAsync(m => m.Region!.Code == "lappi")));
        Assert.Equal(1, await DbAsync(_site.Services, db => db.NetworkRegions.CountAsync()));
        Assert.Equal(["ita-lappi", "keski-lappi", "lansi-lappi", "saamelaisalue"], groups.Keys.Order());
        Assert.Equal([("enontekio", false), ("inari", false), ("sodankyla", true), ("utsjoki", false)], groups["saamelaisalue"]);
        Assert.Contains(("sodankyla", false), groups["ita-lappi"]);
        Assert.Equal(["kemi", "keminmaa", "pello", "simo", "tervola", "tornio", "ylitornio"], groups["lansi-lappi"].Select(m => m.Code));
        // Every municipality is in at least one group, and only Sodankylä is in two.
        var memberships = groups.Values.SelectMany(m => m).GroupBy(m => m.Code).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(21, memberships.Count);
        Assert.Equal(["sodankyla"], memberships.Where(m => m.Value > 1).Select(m => m.Key));
    }

    [Fact]
    public async Task An_admin_adds_a_region_a_municipality_and_a_group_and_the_map_draws_them()
    {
        var admin = await SignedInAsync(_site, "admin@example.fi", "Anja Admin", Roles.Admin);
        await admin.PostFormAsync("/Network/Admin/Areas?handler=AddRegion",
            new Dictionary<string, string> { ["code"] = "kainuu", ["name"] = "Kainuu", ["nameSv"] = "Kajanaland", ["nameEn"] = "Kainuu" });
        var kainuu = await DbAsync(_site.Services, db => db.NetworkRegions.Where(r => r.Code == "kainuu").Select(r => r.Id).SingleAsync());
        await admin.PostFormAsync($"/Network/Admin/Areas?handler=AddMunicipality&regionId={kainuu}",
            new Dictionary<string, string> { ["code"] = "kajaani", ["name"] = "Kajaani", ["nameSv"] = "Kajana", ["column"] = "1", ["row"] = "2" });
        await admin.PostFormAsync($"/Network/Admin/Areas?handler=AddGroup&regionId={kainuu}",
            new Dictionary<string, string> { ["code"] = "keski-kainuu", ["name"] = "Keski-Kainuu" });
        var group = await DbAsync(_site.Services, db => db.NetworkGroups.Where(g => g.Code == "keski-kainuu").Select(g => g.Id).SingleAsync());
        var kajaani = await MunicipalityIdAsync(_site.Services, "kajaani");
        await admin.PostFormAsync($"/Network/Admin/Areas?handler=Members&groupId={group}",
            new Dictionary<string, string> { ["members"] = kajaani.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        var bad = await admin.PostFormAsync("/Network/Admin/Areas?handler=AddRegion", new Dictionary<string, string> { ["code"] = "Ei Kelpaa!", ["name"] = "X" });
        Assert.Contains("Tunnuksessa saa olla vain", System.Net.WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        var taken = await admin.PostFormAsync("/Network/Admin/Areas?handler=AddRegion", new Dictionary<string, string> { ["code"] = "lappi", ["name"] = "Toinen" });
        Assert.Contains("Tunnus on jo käytössä.", System.Net.WebUtility.HtmlDecode(await taken.Content.ReadAsStringAsync()));
        Assert.Equal(2, await DbAsync(_site.Services, db => db.NetworkRegions.CountAsync()));
        var page = await _site.CreateClient().GetStringAsync("/verkosto?area=group:keski-kainuu");
        Assert.Contains("data-municipality=\"kajaani\"", page);
        Assert.DoesNotContain("data-municipality=\"inari\"", page);
        Assert.Contains("Kajana", await _site.CreateClient().GetStringAsync("/natverk?area=region:kainuu"));
    }

    [Theory]
    [InlineData("members", "2147483648")]
    [InlineData("members", "abc")]
    [InlineData("members", "999999")]
    [InlineData("partial", "2147483648")]
    [InlineData("partial", "999999")]
    public async Task A_members_post_with_a_municipality_that_is_no_number_or_none_of_the_region_is_refused_and_the_group_stays(string field, string tampered)
    {
        var admin = await SignedInAsync(_site, "admin@example.fi", "Anja Admin", Roles.Admin);
        var before = await SaamelaisalueAsync();
        var group = await DbAsync(_site.Services, db => db.NetworkGroups.Where(g => g.Code == "saamelaisalue").Select(g => g.Id).SingleAsync());
        var inari = (await MunicipalityIdAsync(_site.Services, "inari")).ToString(CultureInfo.InvariantCulture);

        var refused = await admin.PostFormFieldsAsync($"/Network/Admin/Areas?handler=Members&groupId={group}",
            [new("members", inari), new(field, tampered)], formUrl: "/Network/Admin/Areas");

        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Lomakkeessa oli valinta, jota ei ole luettelossa.", page);
        Assert.Equal(before, await SaamelaisalueAsync());
    }

    [Theory]
    [InlineData("Members", "abc")]
    [InlineData("Members", "2147483648")]
    [InlineData("DeleteGroup", "abc")]
    [InlineData("DeleteGroup", "999999")]
    public async Task A_group_post_naming_no_group_is_refused_and_changes_nothing(string handler, string groupId)
    {
        var admin = await SignedInAsync(_site, "admin@example.fi", "Anja Admin", Roles.Admin);
        var before = await SaamelaisalueAsync();
        var groups = await DbAsync(_site.Services, db => db.NetworkGroups.CountAsync());

        var refused = await admin.PostFormFieldsAsync($"/Network/Admin/Areas?handler={handler}&groupId={groupId}", [], formUrl: "/Network/Admin/Areas");

        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Ryhmää ei löydy.", page);
        Assert.DoesNotContain("Alueet tallennettiin.", page);
        Assert.Equal(groups, await DbAsync(_site.Services, db => db.NetworkGroups.CountAsync()));
        Assert.Equal(before, await SaamelaisalueAsync());
    }

    [Fact]
    public async Task A_municipality_or_group_post_whose_region_is_no_number_is_refused()
    {
        var admin = await SignedInAsync(_site, "admin@example.fi", "Anja Admin", Roles.Admin);
        var group = await admin.PostFormAsync("/Network/Admin/Areas?handler=AddGroup&regionId=abc",
            new Dictionary<string, string> { ["code"] = "uusi", ["name"] = "Uusi" });
        Assert.Contains("Aluetta ei löydy.", WebUtility.HtmlDecode(await group.Content.ReadAsStringAsync()));
        var municipality = await admin.PostFormAsync("/Network/Admin/Areas?handler=AddMunicipality&regionId=2147483648",
            new Dictionary<string, string> { ["code"] = "uusi", ["name"] = "Uusi", ["column"] = "1", ["row"] = "1" });
        Assert.Contains("Aluetta ei löydy.", WebUtility.HtmlDecode(await municipality.Content.ReadAsStringAsync()));
        Assert.False(await DbAsync(_site.Services, db => db.NetworkGroups.AnyAsync(g => g.Code == "uusi")));
        Assert.False(await DbAsync(_site.Services, db => db.NetworkMunicipalities.AnyAsync(m => m.Code == "uusi")));
    }

    private Task<List<string>> SaamelaisalueAsync() =>
        DbAsync(_site.Services, db => db.NetworkGroups.Where(g => g.Code == "saamelaisalue").SelectMany(g => g.Members)
            .OrderBy(m => m.Municipality!.Code).Select(m => m.Municipality!.Code + (m.Partial ? "*" : "")).ToListAsync());
}
