namespace RemoteGuidanceTraining.Web.Cohorts;

/// <summary>A group taking one course together, run by a coordinator for an organisation or a region.</summary>
public class Cohort
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string CourseId { get; set; } = "";

    /// <summary>The organisation the cohort belongs to; its coordinators see the cohort.</summary>
    public int? OrganisationId { get; set; }

    /// <summary>The organisation's name, kept beside the id for lists; the directory keeps it in step.</summary>
    public string? Organisation { get; set; }

    /// <summary>A code from Accounts.Regions.</summary>
    public string? Region { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public string CreatedByUserId { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Set when the coordinator archives a finished cohort: it leaves the active list and takes no new people; reopening clears it.</summary>
    public DateTime? ArchivedAtUtc { get; set; }

    /// <summary>Remind members automatically after <see cref="AutoReminders.Quiet"/> without activity (the coordinator's choice).</summary>
    public bool AutoReminders { get; set; }
}

public class CohortMember
{
    public int Id { get; set; }

    public int CohortId { get; set; }

    public Cohort? Cohort { get; set; }

    public string UserId { get; set; } = "";

    public DateTime AddedAtUtc { get; set; }

    /// <summary>Set when the person was sent an invitation (to create an account or to join).</summary>
    public DateTime? InvitedAtUtc { get; set; }

    /// <summary>
    /// Invited until the person accepts (sets a password, or joins from their own account); only then are they
    /// enrolled and visible to the cohort's coordinator.
    /// </summary>
    public CohortMemberStatus Status { get; set; } = CohortMemberStatus.Member;

    /// <summary>The name the coordinator typed for an invitation; shown instead of anything from the account.</summary>
    public string? InvitedName { get; set; }

    public DateTime? AcceptedAtUtc { get; set; }

    /// <summary>
    /// The invitation created the account or took over one that was never confirmed: choosing the password from its
    /// link is the acceptance. Otherwise the person accepts from their own account (/Account/Invitations).
    /// </summary>
    public bool AcceptedBySettingPassword { get; set; }

    /// <summary>The last reminder, automatic or by hand; also the claim that stops two instances or two presses sending the same one.</summary>
    public DateTime? LastRemindedAtUtc { get; set; }

    /// <summary>Set from the unsubscribe link in a reminder: no more automatic reminders from this cohort.</summary>
    public DateTime? RemindersOffAtUtc { get; set; }
}

public enum CohortMemberStatus
{
    Member = 0,
    Invited = 1,
    Declined = 2,
}
