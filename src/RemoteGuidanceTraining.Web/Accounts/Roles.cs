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
