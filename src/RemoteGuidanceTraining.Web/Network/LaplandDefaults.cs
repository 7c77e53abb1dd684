using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Network;

/// <summary>
/// The default areas: Lapland's 21 municipalities in the four groups the Lapland guidance (TNO) network works in.
/// Sources: the 21 municipalities and six sub-regions (seutukunnat) as listed by Wikipedia, "Municipalities of
/// Lapland", and laplande.com (2019); the guidance network organises itself as Länsi-, Itä-, Keski- and Tunturi-Lappi and the Sámi area, Keski- and Tunturi-Lappi working
/// together (JAMK Opinovi-kanava, "Lappi nojaa verkostotyön perinteeseen", 2014), so they are one group here.
/// The Sámi homeland is Enontekiö, Inari, Utsjoki and the northern part of Sodankylä, the area of the Lapin
/// paliskunta reindeer-herding co-operative (Act on the Sámi Parliament 974/1995, as described by Metsähallitus,
/// nationalparks.fi/en/homelandofthesami, and the Sámi Parliament, matkailu.samediggi.fi). So Sodankylä is in Itä-Lappi and, partly, in Saamelaisalue.
/// Tile positions sketch the map (north up); they are not geography.
/// </summary>
public static class LaplandDefaults
{
    public const string RegionCode = "lappi";
    public const string SamiHomeland = "saamelaisalue";

    // Code, Finnish name, Swedish name (where it differs), column, row, groups.
    private static readonly (string Code, string Name, string? NameSv, int Col, int Row, string[] Groups)[] _municipalities =
    [
        ("utsjoki", "Utsjoki", null, 2, 0, [SamiHomeland]),
        ("enontekio", "Enontekiö", "Enontekis", 0, 1, [SamiHomeland]),
        ("inari", "Inari", "Enare", 2, 1, [SamiHomeland]),
        ("muonio", "Muonio", null, 0, 2, ["keski-lappi"]),
        ("kittila", "Kittilä", null, 1, 2, ["keski-lappi"]),
        ("sodankyla", "Sodankylä", null, 2, 2, ["ita-lappi", SamiHomeland]),
        ("savukoski", "Savukoski", null, 3, 2, ["ita-lappi"]),
        ("kolari", "Kolari", null, 0, 3, ["keski-lappi"]),
        ("pelkosenniemi", "Pelkosenniemi", null, 2, 3, ["ita-lappi"]),
        ("salla", "Salla", null, 3, 3, ["ita-lappi"]),
        ("pello", "Pello", null, 0, 4, ["lansi-lappi"]),
        ("rovaniemi", "Rovaniemi", null, 1, 4, ["keski-lappi"]),
        ("kemijarvi", "Kemijärvi", null, 2, 4, ["ita-lappi"]),
        ("posio", "Posio", null, 3, 4, ["ita-lappi"]),
        ("ylitornio", "Ylitornio", "Övertorneå", 0, 5, ["lansi-lappi"]),
        ("tervola", "Tervola", null, 1, 5, ["lansi-lappi"]),
        ("ranua", "Ranua", null, 2, 5, ["keski-lappi"]),
        ("tornio", "Tornio", "Torneå", 0, 6, ["lansi-lappi"]),
        ("keminmaa", "Keminmaa", null, 1, 6, ["lansi-lappi"]),
        ("simo", "Simo", null, 2, 6, ["lansi-lappi"]),
        ("kemi", "Kemi", null, 1, 7, ["lansi-lappi"]),
    ];

    private static readonly (string Code, string Name, string NameSv, string NameEn)[] _groups =
    [
        ("lansi-lappi", "Länsi-Lappi", "Västra Lappland", "Western Lapland"),
        ("keski-lappi", "Keski-Lappi", "Mellersta Lappland", "Central Lapland"),
        ("ita-lappi", "Itä-Lappi", "Östra Lappland", "Eastern Lapland"),
        (SamiHomeland, "Saamelaisalue", "Samernas hembygdsområde", "Sámi homeland"),
    ];

    public static int MunicipalityCount => _municipalities.Length;

    /// <summary>Adds the defaults to an empty network, once: after that the areas are the admins' to edit.</summary>
    public static async Task SeedAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.NetworkRegions.AnyAsync(cancellationToken))
        {
            return;
        }

        var region = new NetworkRegion { Code = RegionCode, Name = "Lappi", NameSv = "Lappland", NameEn = "Lapland" };
        var groups = _groups.ToDictionary(
            g => g.Code,
            g => new NetworkGroup { Code = g.Code, Name = g.Name, NameSv = g.NameSv, NameEn = g.NameEn, Region = region });
        foreach (var m in _municipalities)
        {
            var municipality = new NetworkMunicipality
            {
                Code = m.Code, Name = m.Name, NameSv = m.NameSv, TileColumn = m.Col, TileRow = m.Row, Region = region,
            };
            foreach (var code in m.Groups)
            {
                groups[code].Members.Add(new NetworkGroupMember
                {
                    Municipality = municipality,
                    Partial = m.Code == "sodankyla" && code == SamiHomeland,
                });
            }

            region.Municipalities.Add(municipality);
        }

        region.Groups.AddRange(groups.Values);
        db.NetworkRegions.Add(region);
        await db.SaveChangesAsync(cancellationToken);
    }
}
