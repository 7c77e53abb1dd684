using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Accounts;

/// <summary>
/// Which people a coordinator may see: those of their own organisation or their own region. Admins see everyone.
/// Every coordinator page filters through here, so the rule lives in one place.
/// </summary>
public sealed record CoordinatorScope(bool All, string? Organisation, string? Region)
{
    public static CoordinatorScope For(AppUser viewer, bool isAdmin) => new(isAdmin, viewer.Organisation, viewer.Region);

    public IQueryable<AppUser> Filter(IQueryable<AppUser> users) => All
        ? users
        : users.Where(u => (Organisation != null && u.Organisation == Organisation) || (Region != null && u.Region == Region));
}
