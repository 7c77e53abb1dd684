namespace RemoteGuidanceTraining.Web.Audit;

/// <summary>
/// One thing an admin, a coordinator or a person did that must be answerable later: who, when, what, to whom.
/// People are referred to by account id only, never by name or address, so that deleting an account leaves no
/// personal data here; the admin page shows names while the accounts exist.
/// </summary>
public class AuditEntry
{
    public const int DetailsMaxLength = 500;

    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public string Action { get; set; } = "";

    /// <summary>Who acted; null when the site acted by itself (retention, a join by mail domain).</summary>
    public string? ActorUserId { get; set; }

    /// <summary>The person the action was about, if any.</summary>
    public string? SubjectUserId { get; set; }

    /// <summary>What changed, without names or addresses: role names, organisation ids, a certificate's serial number.</summary>
    public string? Details { get; set; }
}

/// <summary>The actions recorded; their names are also the resource keys' suffixes (Audit.Action.*).</summary>
public static class AuditActions
{
    public const string RolesChanged = "RolesChanged";
    public const string ScopeChanged = "ScopeChanged";
    public const string MembershipChanged = "MembershipChanged";

    /// <summary>A confirmed address in a domain tied to the organisation made the person a member (the site acted).</summary>
    public const string MembershipByDomain = "MembershipByDomain";

    /// <summary>A coordinator's invitation or import made an account in the cohort's organisation.</summary>
    public const string MembershipByInvitation = "MembershipByInvitation";

    /// <summary>The invitation that put a never-activated account in the organisation was withdrawn, and the account left it.</summary>
    public const string MembershipInvitationWithdrawn = "MembershipInvitationWithdrawn";
    public const string OrganisationsMerged = "OrganisationsMerged";
    public const string CertificateRevoked = "CertificateRevoked";
    public const string CertificateReissued = "CertificateReissued";
    public const string AccountDeleted = "AccountDeleted";
    public const string DataExported = "DataExported";

    /// <summary>An admin closed the account (Accounts/AccountSuspension); reopening is the entry below.</summary>
    public const string AccountSuspended = "AccountSuspended";
    public const string AccountReopened = "AccountReopened";

    public static readonly IReadOnlyList<string> All =
        [RolesChanged, ScopeChanged, MembershipChanged, MembershipByDomain, MembershipByInvitation, MembershipInvitationWithdrawn, OrganisationsMerged, CertificateRevoked, CertificateReissued, AccountDeleted, DataExported, AccountSuspended, AccountReopened];
}
