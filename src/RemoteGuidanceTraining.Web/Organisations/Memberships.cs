using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Organisations;

/// <summary>
/// Puts a person in an organisation. The only ways in: an admin, an invitation or import by the organisation's
/// coordinator, or a confirmed address in a domain an admin tied to the organisation.
/// </summary>
public sealed class Memberships(AppDbContext db)
{
    /// <summary>Sets the verified organisation (and its name and region, kept beside it for reports). Saved with the caller's changes.</summary>
    public static void Set(AppUser user, Organisation? organisation, string? source)
    {
        user.OrganisationId = organisation?.Id;
        user.Organisation = organisation?.Name;
        user.Region = organisation?.Region;
        user.MembershipSource = organisation is null ? null : source;
    }

    /// <summary>After an address is confirmed: a person without an organisation joins the one that owns the domain.</summary>
    public async Task JoinByDomainAsync(AppUser user, CancellationToken cancellationToken = default)
    {
        if (user.OrganisationId is not null || !user.EmailConfirmed || DomainOf(user.Email) is not { } domain)
        {
            return;
        }

        var organisation = await (from d in db.OrganisationDomains
                                  join o in db.Organisations on d.OrganisationId equals o.Id
                                  where d.Domain == domain
                                  select o).SingleOrDefaultAsync(cancellationToken);
        if (organisation is not null)
        {
            Set(user, organisation, MembershipSource.EmailDomain);
        }
    }

    public static string? DomainOf(string? email)
    {
        var at = email?.LastIndexOf('@') ?? -1;
        return at < 0 ? null : email![(at + 1)..].Trim().ToLowerInvariant();
    }
}
