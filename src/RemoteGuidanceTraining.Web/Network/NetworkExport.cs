using System.Globalization;
using System.Text.Json;
using CsvHelper;

using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Network;

/// <summary>
/// The published network for other services, as CSV and JSON with the same fields (docs/network.md documents them).
/// Only what people published: no account ids, e-mail addresses or hidden profiles. Codes rather than translated
/// names, so that a reader does not depend on the site's language.
/// </summary>
public static class NetworkExport
{
    public sealed record Training(string Course, string VerifyUrl);

    public sealed record Channel(string Code, string Hours);

    public sealed record Row(
        string DisplayName, string Title, string Organisation, string HomeMunicipality, IReadOnlyList<string> MunicipalitiesServed,
        IReadOnlyList<string> Services, IReadOnlyList<string> TargetGroups, IReadOnlyList<string> Languages, string? OtherLanguages,
        IReadOnlyList<Channel> Channels, string PublicContact, IReadOnlyList<Training> Trainings, string Updated);

    private static readonly string[] _header =
    [
        "display_name", "title", "organisation", "home_municipality", "municipalities_served", "services", "target_groups",
        "languages", "other_languages", "channels", "public_contact", "trainings", "updated",
    ];

    private static readonly JsonSerializerOptions _json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static IReadOnlyList<Row> Rows(IEnumerable<PublicProfile> profiles, NetworkAreaMap areas, Func<string, string> verifyUrl) =>
        [.. profiles.Select(p => new Row(
            p.DisplayName, p.Title, p.Organisation, areas.Municipality(p.HomeMunicipalityId)?.Code ?? "",
            [.. p.Served.Select(id => areas.Municipality(id)?.Code ?? "").Where(c => c.Length > 0).Order(StringComparer.Ordinal)],
            p.Services, p.Targets, p.Languages, p.OtherLanguages,
            [.. p.Channels.Select(c => new Channel(c.Channel, c.Hours))],
            p.PublicContact,
            [.. p.Trainings.Select(t => new Training(t.CourseTitle, verifyUrl(t.VerificationCode)))],
            HelsinkiTime.FromUtc(p.UpdatedAtUtc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))];

    /// <summary>UTF-8 with BOM and semicolons like the site's other exports; lists joined with " | ".</summary>
    public static async Task WriteCsvAsync(Stream output, IReadOnlyList<Row> rows)
    {
        var options = new CsvWriterOptions { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        await using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        csv.WriteHeader(_header);
        foreach (var r in rows)
        {
            await csv.WriteRecordAsync(
            [
                r.DisplayName, r.Title, r.Organisation, r.HomeMunicipality, Join(r.MunicipalitiesServed), Join(r.Services),
                Join(r.TargetGroups), Join(r.Languages), r.OtherLanguages ?? "", Join(r.Channels.Select(c => $"{c.Code}: {c.Hours}")),
                r.PublicContact, Join(r.Trainings.Select(t => $"{t.Course}: {t.VerifyUrl}")), r.Updated,
            ]);
        }

        await csv.FlushAsync();
    }

    public static Task WriteJsonAsync(Stream output, IReadOnlyList<Row> rows, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(output, new { profiles = rows }, _json, cancellationToken);

    private static string Join(IEnumerable<string> values) => string.Join(" | ", values);
}
