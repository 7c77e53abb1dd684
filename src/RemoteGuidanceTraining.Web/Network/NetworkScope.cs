using RemoteGuidanceTraining.Web.Accounts;

namespace RemoteGuidanceTraining.Web.Network;

/// <summary>
/// Which network profiles a coordinator curates: those whose home municipality lies in one of the regions an admin
/// assigned to them (<see cref="CoordinatorScope.Regions"/>), or in a group with that code (a coordinator of
/// "saamelaisalue" curates Enontekiö, Inari, Utsjoki and Sodankylä). Admins curate all.
/// </summary>
public sealed record NetworkScope(bool All, IReadOnlyList<string> RegionCodes)
{
    public static NetworkScope For(CoordinatorScope scope) => new(scope.All, scope.Regions);

    public IQueryable<NetworkProfile> Filter(IQueryable<NetworkProfile> profiles)
    {
        if (All)
        {
            return profiles;
        }

        var codes = RegionCodes;
        return profiles.Where(p => codes.Contains(p.HomeMunicipality!.Region!.Code) || p.HomeMunicipality.Groups.Any(g => codes.Contains(g.Group!.Code)));
    }

    /// <summary>The municipalities whose gaps the coordinator sees: the same rule as for profiles.</summary>
    public bool Covers(NetworkAreaMap areas, MunicipalityView municipality) => All
        || RegionCodes.Any(code => areas.Region(code)?.Id == municipality.RegionId
            || areas.Group(code)?.Members.ContainsKey(municipality.Id) == true);
}
