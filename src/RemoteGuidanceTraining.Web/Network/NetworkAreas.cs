using System.Globalization;

namespace RemoteGuidanceTraining.Web.Network;

/// <summary>
/// A region of the network map (e.g. Lapland). Its <see cref="Code"/> is the same code as in
/// <see cref="Accounts.Regions"/>, so a coordinator's region picks out the region they curate.
/// </summary>
public class NetworkRegion
{
    public int Id { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string? NameSv { get; set; }

    public string? NameEn { get; set; }

    public List<NetworkMunicipality> Municipalities { get; set; } = [];

    public List<NetworkGroup> Groups { get; set; } = [];

    public string DisplayName => AreaNames.Pick(Name, NameSv, NameEn);
}

/// <summary>
/// A sub-regional group of municipalities (Länsi-Lappi, Saamelaisalue …). A municipality may be in several groups
/// and may be in one only in part (Sodankylä: only its northern part is in the Sámi homeland).
/// </summary>
public class NetworkGroup
{
    public int Id { get; set; }

    public int RegionId { get; set; }

    public NetworkRegion? Region { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string? NameSv { get; set; }

    public string? NameEn { get; set; }

    public List<NetworkGroupMember> Members { get; set; } = [];

    public string DisplayName => AreaNames.Pick(Name, NameSv, NameEn);
}

public class NetworkGroupMember
{
    public int GroupId { get; set; }

    public NetworkGroup? Group { get; set; }

    public int MunicipalityId { get; set; }

    public NetworkMunicipality? Municipality { get; set; }

    /// <summary>Only part of the municipality belongs to the group; shown as "partly" next to the name.</summary>
    public bool Partial { get; set; }
}

/// <summary>A municipality and its place on the schematic tile map (column and row from the north-west corner).</summary>
public class NetworkMunicipality
{
    public int Id { get; set; }

    public int RegionId { get; set; }

    public NetworkRegion? Region { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string? NameSv { get; set; }

    public int TileColumn { get; set; }

    public int TileRow { get; set; }

    public List<NetworkGroupMember> Groups { get; set; } = [];

    /// <summary>Swedish name in Swedish where the municipality has one (Torneå, Enare); otherwise the Finnish name.</summary>
    public string DisplayName => AreaNames.Pick(Name, NameSv, null);
}

public static class AreaNames
{
    public const int CodeLength = 40;
    public const int NameLength = 80;
    public const int MaxTileIndex = 29;

    public static string Pick(string fi, string? sv, string? en) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
    {
        "sv" when !string.IsNullOrWhiteSpace(sv) => sv,
        "en" when !string.IsNullOrWhiteSpace(en) => en,
        _ => fi,
    };
}
