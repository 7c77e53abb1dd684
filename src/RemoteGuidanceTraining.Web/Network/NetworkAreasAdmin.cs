using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Network;

/// <summary>Admins shape the map: add regions and municipalities, and form groups for regions beyond Lapland.</summary>
public sealed partial class NetworkAreasAdmin(AppDbContext db)
{
    public sealed record AreaNamesInput(string? Code, string? Name, string? NameSv, string? NameEn);

    /// <summary>Returns a resource key describing the problem, or null when saved.</summary>
    public async Task<string?> AddRegionAsync(AreaNamesInput input, CancellationToken cancellationToken)
    {
        if (Check(input) is { } problem)
        {
            return problem;
        }

        if (await db.NetworkRegions.AnyAsync(r => r.Code == input.Code, cancellationToken))
        {
            return "Network.Admin.CodeTaken";
        }

        db.NetworkRegions.Add(new NetworkRegion { Code = input.Code!, Name = input.Name!.Trim(), NameSv = Trim(input.NameSv), NameEn = Trim(input.NameEn) });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<string?> AddGroupAsync(int regionId, AreaNamesInput input, CancellationToken cancellationToken)
    {
        if (Check(input) is { } problem)
        {
            return problem;
        }

        if (!await db.NetworkRegions.AnyAsync(r => r.Id == regionId, cancellationToken))
        {
            return "Network.Admin.NoRegion";
        }

        if (await db.NetworkGroups.AnyAsync(g => g.Code == input.Code, cancellationToken))
        {
            return "Network.Admin.CodeTaken";
        }

        db.NetworkGroups.Add(new NetworkGroup
        {
            RegionId = regionId, Code = input.Code!, Name = input.Name!.Trim(), NameSv = Trim(input.NameSv), NameEn = Trim(input.NameEn),
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<string?> AddMunicipalityAsync(int regionId, AreaNamesInput input, int column, int row, CancellationToken cancellationToken)
    {
        if (Check(input) is { } problem)
        {
            return problem;
        }

        if (column is < 0 or > AreaNames.MaxTileIndex || row is < 0 or > AreaNames.MaxTileIndex)
        {
            return "Network.Admin.BadTile";
        }

        if (!await db.NetworkRegions.AnyAsync(r => r.Id == regionId, cancellationToken))
        {
            return "Network.Admin.NoRegion";
        }

        if (await db.NetworkMunicipalities.AnyAsync(m => m.Code == input.Code, cancellationToken))
        {
            return "Network.Admin.CodeTaken";
        }

        db.NetworkMunicipalities.Add(new NetworkMunicipality
        {
            RegionId = regionId, Code = input.Code!, Name = input.Name!.Trim(), NameSv = Trim(input.NameSv), TileColumn = column, TileRow = row,
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Sets a group's members to the given municipalities of its own region; "partial" marks the partly included.
    /// Any id outside the region refuses the whole change.
    /// </summary>
    public async Task<string?> SetMembersAsync(int groupId, IReadOnlyCollection<int> members, IReadOnlyCollection<int> partial, CancellationToken cancellationToken)
    {
        var group = await db.NetworkGroups.Include(g => g.Members).SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        if (group is null)
        {
            return "Network.Admin.NoGroup";
        }

        var allowed = await db.NetworkMunicipalities.Where(m => m.RegionId == group.RegionId).Select(m => m.Id).ToListAsync(cancellationToken);
        if (members.Except(allowed).Any() || partial.Except(allowed).Any())
        {
            return "Network.Error.Unknown";
        }

        group.Members.RemoveAll(m => !members.Contains(m.MunicipalityId));
        foreach (var id in members.Distinct())
        {
            var member = group.Members.FirstOrDefault(m => m.MunicipalityId == id);
            if (member is null)
            {
                group.Members.Add(member = new NetworkGroupMember { MunicipalityId = id });
            }

            member.Partial = partial.Contains(id);
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Returns a resource key when there is no such group, or null when it was deleted.</summary>
    public async Task<string?> DeleteGroupAsync(int groupId, CancellationToken cancellationToken) =>
        await db.NetworkGroups.Where(g => g.Id == groupId).ExecuteDeleteAsync(cancellationToken) == 0 ? "Network.Admin.NoGroup" : null;

    private static string? Check(AreaNamesInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Code) || !CodePattern().IsMatch(input.Code))
        {
            return "Network.Admin.BadCode";
        }

        if (string.IsNullOrWhiteSpace(input.Name))
        {
            return "Network.Admin.NoName";
        }

        return new[] { input.Name, input.NameSv, input.NameEn }.Any(n => n is not null && n.Trim().Length > AreaNames.NameLength)
            ? "Network.Admin.NameTooLong"
            : null;
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex CodePattern();
}
