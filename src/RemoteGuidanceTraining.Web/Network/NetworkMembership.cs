using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Data;
using static RemoteGuidanceTraining.Web.Network.NetworkVocabulary;

namespace RemoteGuidanceTraining.Web.Network;

/// <summary>A person's own side of the network: join or update the profile, leave (delete it at once).</summary>
public sealed class NetworkMembership(AppDbContext db, TimeProvider time)
{
    /// <summary>More than any region has municipalities; a bigger post is not a person filling in the form.</summary>
    private const int MaxServed = 400;

    public sealed record OwnProfile(ProfileInput Input, DateTime? HiddenAtUtc, DateTime? UpdateRequestedAtUtc);

    public sealed record EarnedTraining(string CourseId, string CourseTitle, string VerificationCode, string CourseLanguage);

    public async Task<OwnProfile?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        var p = await db.NetworkProfiles.AsNoTracking()
            .Include(x => x.Served).Include(x => x.Tags).Include(x => x.Channels)
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.UserId == userId, cancellationToken);
        if (p is null)
        {
            return null;
        }

        List<string> Tags(string kind) => [.. p.Tags.Where(t => t.Kind == kind).Select(t => t.Code)];
        var input = new ProfileInput
        {
            DisplayName = p.DisplayName, Title = p.Title, Organisation = p.Organisation, HomeMunicipalityId = p.HomeMunicipalityId,
            Served = [.. p.Served.Select(s => s.MunicipalityId).Where(id => id != p.HomeMunicipalityId)],
            Services = Tags(ServiceKind), Targets = Tags(TargetKind), Languages = Tags(LanguageKind), Trainings = Tags(TrainingKind),
            OtherLanguages = p.OtherLanguages, PublicContact = p.PublicContact,
            Channels = ProfileInput.AllChannels(p.Channels.Select(c => new ChannelHours(c.Channel, c.Hours))),
        };
        return new OwnProfile(input, p.HiddenAtUtc, p.UpdateRequestedAtUtc);
    }

    /// <summary>The person's valid certificates: the trainings they may choose to show.</summary>
    public async Task<IReadOnlyList<EarnedTraining>> EarnedAsync(string userId, CancellationToken cancellationToken) =>
        await db.Certificates.AsNoTracking()
            .Where(c => c.UserId == userId && c.Status == CertificateStatus.Valid)
            .OrderBy(c => c.CourseTitle)
            .Select(c => new EarnedTraining(c.CourseId, c.CourseTitle, c.VerificationCode, c.Language))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Checks what DataAnnotations cannot (codes from the fixed lists, municipalities that exist, trainings the person
    /// has) and saves. Returns resource keys of problems, keyed by field; empty when saved.
    /// </summary>
    public async Task<IReadOnlyList<(string Field, string Problem)>> SaveAsync(
        string userId, ProfileInput input, CancellationToken cancellationToken, bool retried = false)
    {
        var problems = new List<(string, string)>();
        if (input.Served.Count > MaxServed || input.Trainings.Count > MaxServed || input.Channels.Count > NetworkVocabulary.Channels.Count)
        {
            return [("", "Network.Error.Unknown")];
        }

        var municipalityIds = input.Served.Append(input.HomeMunicipalityId ?? 0).Distinct().ToList();
        var known = await db.NetworkMunicipalities.Where(m => municipalityIds.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken);
        if (input.HomeMunicipalityId is not { } home || !known.Contains(home))
        {
            problems.Add((nameof(ProfileInput.HomeMunicipalityId), "Network.Error.Home"));
        }

        if (input.Served.Except(known).Any())
        {
            problems.Add((nameof(ProfileInput.Served), "Network.Error.Unknown"));
        }

        if (input.Services.Count == 0)
        {
            problems.Add((nameof(ProfileInput.Services), "Network.Error.NoService"));
        }

        if (input.Services.Except(Services).Any() || input.Targets.Except(TargetGroups).Any() || input.Languages.Except(Languages).Any()
            || input.Channels.Any(c => !NetworkVocabulary.Channels.Contains(c.Code)))
        {
            problems.Add(("", "Network.Error.Unknown"));
        }

        if (input.Languages.Count == 0 && string.IsNullOrWhiteSpace(input.OtherLanguages))
        {
            problems.Add((nameof(ProfileInput.Languages), "Network.Error.NoLanguage"));
        }

        var offered = input.Channels.Where(c => c.Offered).ToList();
        if (offered.Count == 0)
        {
            problems.Add((nameof(ProfileInput.Channels), "Network.Error.NoChannel"));
        }

        for (var i = 0; i < input.Channels.Count; i++)
        {
            if (input.Channels[i].Offered && string.IsNullOrWhiteSpace(input.Channels[i].Hours))
            {
                problems.Add(($"{nameof(ProfileInput.Channels)}[{i}].{nameof(ChannelInput.Hours)}", "Network.Error.NoHours"));
            }
        }

        var earned = (await EarnedAsync(userId, cancellationToken)).Select(e => e.CourseId).ToList();
        if (input.Trainings.Except(earned).Any())
        {
            problems.Add((nameof(ProfileInput.Trainings), "Network.Error.Unknown"));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var profile = await db.NetworkProfiles
            .Include(x => x.Served).Include(x => x.Tags).Include(x => x.Channels)
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.UserId == userId, cancellationToken);
        var isNew = profile is null;
        if (profile is null)
        {
            profile = new NetworkProfile { UserId = userId, JoinedAtUtc = now };
            db.NetworkProfiles.Add(profile);
        }

        profile.DisplayName = input.DisplayName.Trim();
        profile.Title = input.Title.Trim();
        profile.Organisation = input.Organisation.Trim();
        profile.HomeMunicipalityId = input.HomeMunicipalityId!.Value;
        profile.PublicContact = input.PublicContact.Trim();
        profile.OtherLanguages = string.IsNullOrWhiteSpace(input.OtherLanguages) ? null : input.OtherLanguages.Trim();
        profile.UpdatedAtUtc = now;
        // Saving is the update a coordinator asked for: the profile shows again.
        profile.HiddenAtUtc = null;
        profile.HiddenByUserId = null;
        profile.UpdateRequestedAtUtc = null;

        // Children are matched by key rather than cleared and re-added: EF tracks one instance per key.
        profile.Served.RemoveAll(s => !municipalityIds.Contains(s.MunicipalityId));
        profile.Served.AddRange(municipalityIds.Where(id => profile.Served.All(s => s.MunicipalityId != id))
            .Select(id => new NetworkProfileMunicipality { MunicipalityId = id }));
        var tags = Tags(ServiceKind, input.Services).Concat(Tags(TargetKind, input.Targets))
            .Concat(Tags(LanguageKind, input.Languages)).Concat(Tags(TrainingKind, input.Trainings)).ToList();
        profile.Tags.RemoveAll(t => !tags.Any(n => n.Kind == t.Kind && n.Code == t.Code));
        profile.Tags.AddRange(tags.Where(n => !profile.Tags.Any(t => t.Kind == n.Kind && t.Code == n.Code)));
        var channels = offered.DistinctBy(c => c.Code).ToList();
        profile.Channels.RemoveAll(c => channels.All(n => n.Code != c.Channel));
        foreach (var channel in channels)
        {
            var existing = profile.Channels.FirstOrDefault(c => c.Channel == channel.Code);
            if (existing is null)
            {
                profile.Channels.Add(new NetworkProfileChannel { Channel = channel.Code, Hours = channel.Hours!.Trim() });
            }
            else
            {
                existing.Hours = channel.Hours!.Trim();
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (isNew && !retried && error.IsUniqueViolation())
        {
            // A second "Join" raced the first (double click): the profile exists now, so save again as an update.
            db.ChangeTracker.Clear();
            return await SaveAsync(userId, input, cancellationToken, retried: true);
        }

        return [];
    }

    /// <summary>Leaving deletes the profile and everything under it in one statement; nothing is kept.</summary>
    public Task<int> LeaveAsync(string userId, CancellationToken cancellationToken) =>
        db.NetworkProfiles.Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    private static IEnumerable<NetworkProfileTag> Tags(string kind, IEnumerable<string> codes) =>
        codes.Distinct().Select(c => new NetworkProfileTag { Kind = kind, Code = c });
}
