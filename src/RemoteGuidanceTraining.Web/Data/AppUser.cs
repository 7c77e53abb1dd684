using Microsoft.AspNetCore.Identity;

namespace RemoteGuidanceTraining.Web.Data;

/// <summary>A person using the site. Identity keeps the credentials; these are the facts the training needs.</summary>
public class AppUser : IdentityUser
{
    /// <summary>
    /// Every account locks after repeated wrong passwords, however it was made. Identity's CreateAsync switches lockout
    /// on, but accounts written in bulk (cohort invitations) bypass it and were left never locking.
    /// </summary>
    public AppUser() => LockoutEnabled = true;

    /// <summary>The name printed on certificates, so it is asked for in full.</summary>
    public string FullName { get; set; } = "";

    /// <summary>
    /// The verified organisation (see Organisations/): set only by an admin, an invitation or import by that
    /// organisation's coordinator, or a confirmed address in a domain tied to it. Coordinators' scope follows it.
    /// </summary>
    public int? OrganisationId { get; set; }

    /// <summary>The verified organisation's name, kept beside the id for reports; the directory keeps it in step.</summary>
    public string? Organisation { get; set; }

    /// <summary>The verified organisation's region (a code from <see cref="Accounts.Regions"/>); reports group by it.</summary>
    public string? Region { get; set; }

    /// <summary>How <see cref="OrganisationId"/> was verified (Organisations.MembershipSource).</summary>
    public string? MembershipSource { get; set; }

    /// <summary>What the person typed as their organisation: shown as "self-reported", never widens anyone's scope.</summary>
    public string? SelfReportedOrganisation { get; set; }

    /// <summary>fi, sv or en; used for mail and set as the UI culture on sign-in.</summary>
    public string PreferredLanguage { get; set; } = "fi";

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>
    /// When an admin closed the account (Accounts/AccountSuspension); null while it is open. A closed account cannot
    /// sign in by any path but keeps its records, certificates and cohort memberships.
    /// </summary>
    public DateTime? SuspendedAtUtc { get; set; }
}
