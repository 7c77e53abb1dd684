namespace RemoteGuidanceTraining.Web.Organisations;

/// <summary>
/// An organisation from the list admins keep. People belong to one only through something an admin or the
/// organisation's coordinator controls (see <see cref="MembershipSource"/>), never through what they type themselves.
/// </summary>
public class Organisation
{
    public const int NameMaxLength = 200;

    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>A code from Accounts.Regions: coordinators of this region see the organisation's people.</summary>
    public string? Region { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>An e-mail domain an admin has tied to an organisation: a confirmed address there proves membership.</summary>
public class OrganisationDomain
{
    /// <summary>RFC 1035: a domain name is at most 253 characters.</summary>
    public const int MaxLength = 253;

    public int Id { get; set; }

    public int OrganisationId { get; set; }

    /// <summary>Lower case, without the @, e.g. lapinamk.fi.</summary>
    public string Domain { get; set; } = "";
}

/// <summary>
/// One organisation or one region in a coordinator's scope, as an admin set it. Removed rows stay, with who and
/// when, so the history of who could see whom can be read later.
/// </summary>
public class CoordinatorAssignment
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public int? OrganisationId { get; set; }

    public string? Region { get; set; }

    public string AssignedByUserId { get; set; } = "";

    public DateTime AssignedAtUtc { get; set; }

    public string? RemovedByUserId { get; set; }

    public DateTime? RemovedAtUtc { get; set; }
}

/// <summary>How a person's organisation was verified.</summary>
public static class MembershipSource
{
    public const string Admin = "admin";
    public const string Invitation = "invitation";
    public const string EmailDomain = "domain";
}
