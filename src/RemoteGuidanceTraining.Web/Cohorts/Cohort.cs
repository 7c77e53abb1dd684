namespace RemoteGuidanceTraining.Web.Cohorts;

/// <summary>A group taking one course together, run by a coordinator for an organisation or a region.</summary>
public class Cohort
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string CourseId { get; set; } = "";

    public string? Organisation { get; set; }

    /// <summary>A code from Accounts.Regions.</summary>
    public string? Region { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public string CreatedByUserId { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; } = DateTime.UtcNow;
}

public class CohortMember
{
    public int Id { get; set; }

    public int CohortId { get; set; }

    public string UserId { get; set; } = "";

    public DateTime AddedAtUtc { get; set; } = DateTime.UtcNow;

    /// <summary>Set when the person had no account and was sent an invitation.</summary>
    public DateTime? InvitedAtUtc { get; set; }
}
