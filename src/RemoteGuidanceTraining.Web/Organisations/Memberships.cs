using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Audit;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Organisations;

/// <summary>
/// Puts a person in an organisation. The only ways in: an admin, an invitation or import by the organisation's
/// coordinator, or a confirmed address in a domain an admin tied to the organisation. Each way in is in the audit
/// log, so an admin can tell how someone came to be in an organisation.
/// </summary>
public sealed class Memberships(AppDbContext db, AuditLog audit)
{
    /// <summary>Sets the verified organisation (and its name and region, kept beside it for reports). Saved with the caller's changes.</summary>
    public static void Set(AppUser user, Organisation? organisation, string? source)
    {
        user.OrganisationId = organisation?.Id;
        user.Organisation = organisation?.Name;
        user.Region = organisation?.Region;
        user.MembershipSource = organisation is null ? null : source;
    }

    /// <summary>
    /// An invitation of a cohort that has a region but no organisation gives the account it makes that region (the
    /// region's coordinators see them in reports), marked as the invitation's, so withdrawing it can take it back.
    /// Nothing changes when the account already has a region (its organisation's) or the cohort has none. Saved with the caller's changes.
    /// </summary>
    public static void SetRegionOfInvitation(AppUser user, string? cohortRegion)
    {
        if (user.Region is null && cohortRegion is not null)
        {
            user.Region = cohortRegion;
            user.MembershipSource ??= MembershipSource.Invitation;
        }
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
            // The rule acted, not whoever's request confirmed the address.
            audit.RecordBySite(AuditActions.MembershipByDomain, user.Id, $"{Describe(organisation)}; domain: {domain}");
        }
    }

    /// <summary>How the audit log names an organisation: its id, and its name, which stays readable after a merge removes the id.</summary>
    public static string Describe(Organisation organisation) => $"{organisation.Id} ({organisation.Name})";

    /// <summary>The audit details of an invitation or import that put an account in the cohort's organisation.</summary>
    public static string InvitationDetails(Organisation organisation, int cohortId) => $"{Describe(organisation)}; cohort: {cohortId}";

    /// <summary>The audit details of an invitation or import that gave an account the region of a cohort without an organisation.</summary>
    public static string RegionInvitationDetails(string region, int cohortId) => $"region: {region}; cohort: {cohortId}";

    /// <summary>
    /// What a new account's invitation entry says: the cohort's organisation, else its region; null when it has
    /// neither (the account joined nothing, so there is no entry).
    /// </summary>
    public static string? JoinedByInvitation(Organisation? organisation, string? cohortRegion, int cohortId) =>
        organisation is not null ? InvitationDetails(organisation, cohortId)
        : cohortRegion is not null ? RegionInvitationDetails(cohortRegion, cohortId) : null;

    public static string? DomainOf(string? email)
    {
        var at = email?.LastIndexOf('@') ?? -1;
        return at < 0 ? null : email![(at + 1)..].Trim().ToLowerInvariant();
    }
}
