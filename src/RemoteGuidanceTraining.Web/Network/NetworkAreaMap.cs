using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Network;

public sealed record MunicipalityView(int Id, int RegionId, string Code, string Name, int Column, int Row);

public sealed record GroupView(int Id, int RegionId, string Code, string Name, IReadOnlyDictionary<int, bool> Members);

public sealed record RegionView(int Id, string Code, string Name, IReadOnlyList<GroupView> Groups, IReadOnlyList<MunicipalityView> Municipalities);

/// <summary>Every region, group and municipality, read once per request (a few dozen rows) and named in the current language.</summary>
public sealed record NetworkAreaMap(IReadOnlyList<RegionView> Regions)
{
    public IEnumerable<MunicipalityView> Municipalities => Regions.SelectMany(r => r.Municipalities);

    public MunicipalityView? Municipality(string? code) => Municipalities.FirstOrDefault(m => m.Code == code);

    public MunicipalityView? Municipality(int id) => Municipalities.FirstOrDefault(m => m.Id == id);

    public string MunicipalityName(int id) => Municipality(id)?.Name ?? "";

    public GroupView? Group(string? code) => Regions.SelectMany(r => r.Groups).FirstOrDefault(g => g.Code == code);

    public RegionView? Region(string? code) => Regions.FirstOrDefault(r => r.Code == code);

    public RegionView? RegionOf(int municipalityId) => Regions.FirstOrDefault(r => r.Municipalities.Any(m => m.Id == municipalityId));

    /// <summary>The groups a municipality belongs to, for the list: "Itä-Lappi, Saamelaisalue (partly)".</summary>
    public IEnumerable<(GroupView Group, bool Partial)> GroupsOf(int municipalityId) => Regions
        .SelectMany(r => r.Groups)
        .Where(g => g.Members.ContainsKey(municipalityId))
        .Select(g => (g, g.Members[municipalityId]));

    /// <summary>"region:lappi" or "group:saamelaisalue" → the municipalities in it; null for no or an unknown area.</summary>
    public IReadOnlyCollection<int>? MunicipalitiesOfArea(string? area)
    {
        if (AreaKey.Parse(area) is not { } key)
        {
            return null;
        }

        return key.IsGroup
            ? Group(key.Code)?.Members.Keys.ToList()
            : Region(key.Code)?.Municipalities.Select(m => m.Id).ToList();
    }

    public static async Task<NetworkAreaMap> LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var regions = await db.NetworkRegions.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var municipalities = await db.NetworkMunicipalities.AsNoTracking().ToListAsync(cancellationToken);
        var groups = await db.NetworkGroups.AsNoTracking().Include(g => g.Members).OrderBy(g => g.Id).ToListAsync(cancellationToken);
        return new NetworkAreaMap(regions.Select(r => new RegionView(
            r.Id,
            r.Code,
            r.DisplayName,
            groups.Where(g => g.RegionId == r.Id)
                .Select(g => new GroupView(g.Id, g.RegionId, g.Code, g.DisplayName, g.Members.ToDictionary(m => m.MunicipalityId, m => m.Partial)))
                .ToList(),
            municipalities.Where(m => m.RegionId == r.Id)
                .OrderBy(m => m.DisplayName, StringComparer.CurrentCulture)
                .Select(m => new MunicipalityView(m.Id, m.RegionId, m.Code, m.DisplayName, m.TileColumn, m.TileRow))
                .ToList())).ToList());
    }
}

/// <summary>The area filter's value: a region or a group, by code.</summary>
public readonly record struct AreaKey(bool IsGroup, string Code)
{
    public const string RegionPrefix = "region:";
    public const string GroupPrefix = "group:";

    public static AreaKey? Parse(string? value) => value switch
    {
        null => null,
        _ when value.StartsWith(GroupPrefix, StringComparison.Ordinal) => new AreaKey(true, value[GroupPrefix.Length..]),
        _ when value.StartsWith(RegionPrefix, StringComparison.Ordinal) => new AreaKey(false, value[RegionPrefix.Length..]),
        _ => null,
    };

    public static string ForRegion(string code) => RegionPrefix + code;

    public static string ForGroup(string code) => GroupPrefix + code;
}
