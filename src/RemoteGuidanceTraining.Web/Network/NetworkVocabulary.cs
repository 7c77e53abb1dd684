namespace RemoteGuidanceTraining.Web.Network;

/// <summary>
/// The fixed lists a profile chooses from. Stored as these codes; names come from the resources
/// ("Network.Service.&lt;code&gt;" …) so the same profile reads in Finnish, Swedish and English.
/// </summary>
public static class NetworkVocabulary
{
    public const string ServiceKind = "service";
    public const string TargetKind = "target";
    public const string LanguageKind = "language";
    public const string TrainingKind = "training";

    public const int DisplayNameLength = 100;
    public const int TitleLength = 100;
    public const int OrganisationLength = 150;
    public const int ContactLength = 200;
    public const int HoursLength = 100;
    public const int OtherLanguagesLength = 100;
    public const int TagCodeLength = 100;

    public static readonly IReadOnlyList<string> Services =
        ["career", "employment", "youth", "study", "education-info", "recognition"];

    public static readonly IReadOnlyList<string> TargetGroups =
        ["young", "adults", "students", "jobseekers", "employed", "immigrants", "employers"];

    /// <summary>Face to face last: the map is about reaching people at a distance, but the network lists all.</summary>
    public static readonly IReadOnlyList<string> Channels = ["phone", "chat", "video", "email", "face"];

    /// <summary>ISO 639 codes: Finnish, Swedish, North, Inari and Skolt Sámi, English.</summary>
    public static readonly IReadOnlyList<string> Languages = ["fi", "sv", "se", "smn", "sms", "en"];

    public static IReadOnlyList<string> ListFor(string kind) => kind switch
    {
        ServiceKind => Services,
        TargetKind => TargetGroups,
        LanguageKind => Languages,
        _ => [],
    };
}
