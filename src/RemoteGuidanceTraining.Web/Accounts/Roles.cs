namespace RemoteGuidanceTraining.Web.Accounts;

/// <summary>The four roles. Everyone who registers is a Participant; the others are granted by an admin.</summary>
public static class Roles
{
    public const string Participant = "Participant";
    public const string Trainer = "Trainer";
    public const string Coordinator = "Coordinator";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Participant, Trainer, Coordinator, Admin];
}

/// <summary>Authorization policies that combine roles.</summary>
public static class Policies
{
    /// <summary>Coordinators, and admins who can do whatever a coordinator can.</summary>
    public const string Coordination = "Coordination";

    /// <summary>Trainers, and admins.</summary>
    public const string Training = "Training";
}
