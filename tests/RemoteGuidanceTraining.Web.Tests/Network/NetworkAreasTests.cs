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
}
