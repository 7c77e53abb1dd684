using RemoteGuidanceTraining.Web.Network;

namespace RemoteGuidanceTraining.Web.Pages.Network;

/// <summary>A filter drop-down: query name, label key, prefix of the option names' keys, the codes, the chosen one.</summary>
public sealed record CodeSelect(string Name, string LabelKey, string NamePrefix, IReadOnlyList<string> Codes, string? Selected);

public sealed record ProfileCard(PublicProfile Profile, NetworkAreaMap Areas);

/// <summary>Tile geometry of the schematic map, in SVG user units.</summary>
public static class TileGeometry
{
    public const int Width = 100;
    public const int Height = 78;
    public const int Gap = 4;

    public static int X(int column) => column * (Width + Gap);

    public static int Y(int row) => row * (Height + Gap);

    public static string ViewBox(IEnumerable<MunicipalityView> municipalities)
    {
        var list = municipalities.ToList();
        var columns = list.Count == 0 ? 1 : list.Max(m => m.Column) + 1;
        var rows = list.Count == 0 ? 1 : list.Max(m => m.Row) + 1;
        return $"0 0 {X(columns) - Gap} {Y(rows) - Gap}";
    }
}

/// <summary>A group of checkboxes: posted name, legend key, prefix of the names' keys, the codes, those ticked.</summary>
public sealed record CodeChecks(string Name, string LegendKey, string NamePrefix, IReadOnlyList<string> Codes, IReadOnlyList<string> Chosen);
