using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;
using static RemoteGuidanceTraining.Web.Network.NetworkVocabulary;

namespace RemoteGuidanceTraining.Web.Network;

/// <summary>A coordinator's work on the network: the profiles in their scope, hiding outdated ones, asking for updates, gaps.</summary>
public sealed class NetworkCuration(AppDbContext db, NetworkDirectory directory, NetworkMails mails, OutboxSignal signal, TimeProvider time)
{
    public sealed record CuratedProfile(
        int Id, string DisplayName, string Title, string Organisation, string Home, DateTime UpdatedAtUtc, DateTime? HiddenAtUtc, DateTime? UpdateRequestedAtUtc);

    /// <summary>Counts of visible services reaching each municipality by channel, and each group by language and channel.</summary>
    public sealed record Gaps(
        IReadOnlyList<(MunicipalityView Municipality, IReadOnlyList<int> ByChannel)> Municipalities,
        IReadOnlyList<(GroupView Group, IReadOnlyList<(string Language, IReadOnlyList<int> ByChannel)> Languages)> Groups);

    public async Task<IReadOnlyList<CuratedProfile>> ListAsync(NetworkScope scope, CancellationToken cancellationToken) =>
        await scope.Filter(db.NetworkProfiles.AsNoTracking())
            .OrderBy(p => p.UpdatedAtUtc).ThenBy(p => p.Id)
            .Select(p => new CuratedProfile(p.Id, p.DisplayName, p.Title, p.Organisation, AreaNames.Pick(p.HomeMunicipality!.Name, p.HomeMunicipality.NameSv, null), p.UpdatedAtUtc, p.HiddenAtUtc, p.UpdateRequestedAtUtc))
            .ToListAsync(cancellationToken);

    /// <summary>Hides or shows again; false when the profile is not in the coordinator's scope (or gone).</summary>
    public async Task<bool> SetHiddenAsync(NetworkScope scope, int profileId, bool hidden, string coordinatorId, CancellationToken cancellationToken)
    {
        var profile = await scope.Filter(db.NetworkProfiles).SingleOrDefaultAsync(p => p.Id == profileId, cancellationToken);
        if (profile is null)
        {
            return false;
        }

        profile.HiddenAtUtc = hidden ? time.GetUtcNow().UtcDateTime : null;
        profile.HiddenByUserId = hidden ? coordinatorId : null;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Mails the person a link to their profile; the request and the mail commit together.</summary>
    public async Task<bool> RequestUpdateAsync(NetworkScope scope, int profileId, CancellationToken cancellationToken)
    {
        var found = await scope.Filter(db.NetworkProfiles)
            .Where(p => p.Id == profileId)
            .Join(db.Users, p => p.UserId, u => u.Id, (p, u) => new { Profile = p, User = u })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return false;
        }

        found.Profile.UpdateRequestedAtUtc = time.GetUtcNow().UtcDateTime;
        mails.EnqueueUpdateRequest(found.User);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return true;
    }

    public async Task<Gaps> GapsAsync(NetworkScope scope, CancellationToken cancellationToken)
    {
        var areas = await NetworkAreaMap.LoadAsync(db, cancellationToken);
        var covered = areas.Municipalities.Where(m => scope.Covers(areas, m)).ToList();
        var ids = covered.Select(m => m.Id).ToList();
        var shownGroups = areas.Regions.SelectMany(r => r.Groups).Where(g => g.Members.Keys.Any(ids.Contains)).ToList();
        // Any visible service reaching these municipalities counts, wherever its own home is; a group's table counts
        // every member municipality, also those outside the viewer's scope (Sodankylä brings all of Itä-Lappi).
        var reached = ids.Concat(shownGroups.SelectMany(g => g.Members.Keys)).Distinct().ToList();
        var profiles = await directory.FindAsync(reached, null, NetworkFilter.None, cancellationToken);

        int Count(IEnumerable<int> municipalityIds, string channel, string? language) => profiles.Count(p =>
            p.Served.Any(municipalityIds.Contains) && p.Channels.Any(c => c.Channel == channel) && (language is null || p.Languages.Contains(language)));

        var municipalities = covered
            .Select(m => (m, (IReadOnlyList<int>)[.. Channels.Select(c => Count([m.Id], c, null))]))
            .ToList();
        var groups = shownGroups
            .Select(g => (g, (IReadOnlyList<(string, IReadOnlyList<int>)>)[.. Languages.Select(l =>
                (l, (IReadOnlyList<int>)[.. Channels.Select(c => Count(g.Members.Keys, c, l))]))]))
            .ToList();
        return new Gaps(municipalities, groups);
    }
}
