using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Network;

/// <summary>
/// Which network profiles a coordinator curates: those whose home municipality lies in the coordinator's region, or
/// in a group with that code (a coordinator of "saamelaisalue" curates Enontekiö, Inari, Utsjoki and Sodankylä).
/// Admins curate all. This is the one place to re-point when coordinators' scopes are assigned differently.
/// </summary>
public sealed record NetworkScope(bool All, string? RegionCode)
{
    public static NetworkScope For(AppUser viewer, bool isAdmin) => new(isAdmin, viewer.Region);

    public IQueryable<NetworkProfile> Filter(IQueryable<NetworkProfile> profiles)
    {
        if (All)
        {
            return profiles;
        }

        var code = RegionCode;
        return code is null
            ? profiles.Where(_ => false)
            : profiles.Where(p => p.HomeMunicipality!.Region!.Code == code || p.HomeMunicipality.Groups.Any(g => g.Group!.Code == code));
    }

    /// <summary>The municipalities whose gaps the coordinator sees: the same rule as for profiles.</summary>
    public bool Covers(NetworkAreaMap areas, MunicipalityView municipality) => All
        || (RegionCode is not null && (areas.Region(RegionCode)?.Id == municipality.RegionId
            || areas.Group(RegionCode)?.Members.ContainsKey(municipality.Id) == true));
}
