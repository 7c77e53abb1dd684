using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Data;
using static RemoteGuidanceTraining.Web.Network.NetworkVocabulary;

namespace RemoteGuidanceTraining.Web.Network;

/// <summary>The public page's filters; unknown values are ignored rather than failing (they come from URLs).</summary>
public sealed record NetworkFilter(string? Area, string? Municipality, string? Channel, string? Language, string? Service, string? Target)
{
    public static readonly NetworkFilter None = new(null, null, null, null, null, null);

    public string? ValidChannel => Channels.Contains(Channel ?? "") ? Channel : null;

    public string? ValidLanguage => Languages.Contains(Language ?? "") ? Language : null;

    public string? ValidService => Services.Contains(Service ?? "") ? Service : null;

    public string? ValidTarget => TargetGroups.Contains(Target ?? "") ? Target : null;
}

public sealed record ChannelHours(string Channel, string Hours);

public sealed record ShownTraining(string CourseTitle, string Language, string VerificationCode);

/// <summary>Exactly what a person published: no account id, e-mail or dates beyond the last update.</summary>
public sealed record PublicProfile(
    int Id, string DisplayName, string Title, string Organisation, int HomeMunicipalityId, IReadOnlyList<int> Served,
    IReadOnlyList<string> Services, IReadOnlyList<string> Targets, IReadOnlyList<string> Languages, string? OtherLanguages,
    IReadOnlyList<ChannelHours> Channels, string PublicContact, IReadOnlyList<ShownTraining> Trainings, DateTime UpdatedAtUtc);

/// <summary>One municipality on the map: how many of the listed services reach it and through which channels.</summary>
public sealed record MapTile(MunicipalityView Municipality, int Count, IReadOnlyList<string> Channels, bool InArea);

public sealed record NetworkSearchResult(NetworkAreaMap Areas, RegionView? MapRegion, IReadOnlyList<MapTile> Tiles, IReadOnlyList<PublicProfile> Profiles);

/// <summary>Reads the published network: profiles nobody has hidden, filtered, and the map's counts from the same rows.</summary>
public sealed class NetworkDirectory(AppDbContext db)
{
    public Task<NetworkAreaMap> AreasAsync(CancellationToken cancellationToken) => NetworkAreaMap.LoadAsync(db, cancellationToken);

    /// <summary>The export's rows for the same filter as the page.</summary>
    public async Task<IReadOnlyList<NetworkExport.Row>> ExportAsync(NetworkFilter filter, Func<string, string> verifyUrl, CancellationToken cancellationToken)
    {
        var areas = await NetworkAreaMap.LoadAsync(db, cancellationToken);
        var profiles = await FindAsync(areas.MunicipalitiesOfArea(filter.Area), areas.Municipality(filter.Municipality)?.Id, filter, cancellationToken);
        return NetworkExport.Rows(profiles, areas, verifyUrl);
    }

    public async Task<NetworkSearchResult> SearchAsync(NetworkFilter filter, CancellationToken cancellationToken)
    {
        var areas = await NetworkAreaMap.LoadAsync(db, cancellationToken);
        var areaIds = areas.MunicipalitiesOfArea(filter.Area);
        var municipality = areas.Municipality(filter.Municipality);
        var profiles = await FindAsync(areaIds, municipality?.Id, filter, cancellationToken);

        var mapRegion = municipality is not null ? areas.RegionOf(municipality.Id)
            : AreaKey.Parse(filter.Area) is { } key
                ? key.IsGroup ? areas.Regions.FirstOrDefault(r => r.Id == areas.Group(key.Code)?.RegionId) : areas.Region(key.Code)
                : null;
        mapRegion ??= areas.Regions.FirstOrDefault();
        var tiles = mapRegion is null ? [] : Tiles(mapRegion, profiles, areaIds, municipality, filter.ValidChannel);
        return new NetworkSearchResult(areas, mapRegion, tiles, profiles);
    }

    private static List<MapTile> Tiles(
        RegionView region, IReadOnlyList<PublicProfile> profiles, IReadOnlyCollection<int>? areaIds, MunicipalityView? municipality, string? channel) =>
        region.Municipalities.Select(m =>
        {
            var reaching = profiles.Where(p => p.Served.Contains(m.Id)).ToList();
            var channels = Channels
                .Where(c => (channel is null || c == channel) && reaching.Any(p => p.Channels.Any(h => h.Channel == c)))
                .ToList();
            var inArea = (areaIds is null || areaIds.Contains(m.Id)) && (municipality is null || municipality.Id == m.Id);
            return new MapTile(m, reaching.Count, channels, inArea);
        }).ToList();

    /// <summary>Visible profiles matching the filter, with their chosen trainings' certificates (valid ones only).</summary>
    public async Task<IReadOnlyList<PublicProfile>> FindAsync(
        IReadOnlyCollection<int>? areaIds, int? municipalityId, NetworkFilter filter, CancellationToken cancellationToken)
    {
        var query = db.NetworkProfiles.AsNoTracking().Where(p => p.HiddenAtUtc == null);
        if (areaIds is not null)
        {
            var ids = areaIds.ToList();
            query = query.Where(p => p.Served.Any(s => ids.Contains(s.MunicipalityId)));
        }

        if (municipalityId is { } only)
        {
            query = query.Where(p => p.Served.Any(s => s.MunicipalityId == only));
        }

        if (filter.ValidChannel is { } channel)
        {
            query = query.Where(p => p.Channels.Any(c => c.Channel == channel));
        }

        query = WithTag(query, LanguageKind, filter.ValidLanguage);
        query = WithTag(query, ServiceKind, filter.ValidService);
        query = WithTag(query, TargetKind, filter.ValidTarget);

        var rows = await query
            .Select(p => new
            {
                p.Id, p.UserId, p.DisplayName, p.Title, p.Organisation, p.HomeMunicipalityId, p.PublicContact, p.OtherLanguages, p.UpdatedAtUtc,
                Served = p.Served.Select(s => s.MunicipalityId).ToList(),
                Tags = p.Tags.Select(t => new { t.Kind, t.Code }).ToList(),
                Channels = p.Channels.Select(c => new ChannelHours(c.Channel, c.Hours)).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        // Sorted here in the reader's alphabet (Å before Ä in Finnish and Swedish, case ignored): the database's
        // ordering is by bytes, which put "anders" after "Pekka" and Ä before Å.
        rows = [.. rows.OrderBy(r => r.DisplayName, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true)).ThenBy(r => r.Id)];

        var wantTrainings = rows.Where(r => r.Tags.Any(t => t.Kind == TrainingKind)).Select(r => r.UserId).ToList();
        var certificates = wantTrainings.Count == 0 ? [] : await db.Certificates.AsNoTracking()
            .Where(c => wantTrainings.Contains(c.UserId) && c.Status == CertificateStatus.Valid)
            .Select(c => new { c.UserId, c.CourseId, c.CourseTitle, c.Language, c.VerificationCode })
            .ToListAsync(cancellationToken);

        List<string> Codes(IEnumerable<string> kindCodes, IReadOnlyList<string> order) => [.. order.Where(kindCodes.Contains)];
        return rows.Select(r => new PublicProfile(
            r.Id, r.DisplayName, r.Title, r.Organisation, r.HomeMunicipalityId, r.Served,
            Codes(r.Tags.Where(t => t.Kind == ServiceKind).Select(t => t.Code), Services),
            Codes(r.Tags.Where(t => t.Kind == TargetKind).Select(t => t.Code), TargetGroups),
            Codes(r.Tags.Where(t => t.Kind == LanguageKind).Select(t => t.Code), Languages),
            r.OtherLanguages,
            [.. r.Channels.OrderBy(c => IndexOf(NetworkVocabulary.Channels, c.Channel))],
            r.PublicContact,
            [.. certificates
                .Where(c => c.UserId == r.UserId && r.Tags.Any(t => t.Kind == TrainingKind && t.Code == c.CourseId))
                .OrderBy(c => c.CourseTitle, StringComparer.CurrentCulture)
                .Select(c => new ShownTraining(c.CourseTitle, c.Language, c.VerificationCode))],
            r.UpdatedAtUtc)).ToList();
    }

    private static IQueryable<NetworkProfile> WithTag(IQueryable<NetworkProfile> query, string kind, string? code) =>
        code is null ? query : query.Where(p => p.Tags.Any(t => t.Kind == kind && t.Code == code));

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return list.Count;
    }
}
