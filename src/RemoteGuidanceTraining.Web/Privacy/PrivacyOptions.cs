using System.ComponentModel.DataAnnotations;

namespace RemoteGuidanceTraining.Web.Privacy;

/// <summary>
/// Settings section "Privacy": the organisation-specific parts of the privacy notice and the accessibility
/// statement, and how long data is kept. Unset texts show a clear "not set" notice on the pages.
/// </summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>The data controller (rekisterinpitäjä): the organisation running this site.</summary>
    public string? Controller { get; set; }

    /// <summary>How to reach the controller about personal data: an address, a mailbox, a phone number.</summary>
    public string? ControllerContact { get; set; }

    /// <summary>The data protection officer's contact (tietosuojavastaava).</summary>
    public string? DataProtectionOfficer { get; set; }

    /// <summary>Where to send accessibility feedback (a mailbox or a form address).</summary>
    public string? AccessibilityFeedback { get; set; }

    /// <summary>The authority supervising digital accessibility, with its contact details, as the law in force names it.</summary>
    public string? AccessibilitySupervisor { get; set; }

    /// <summary>The date the accessibility statement was last reviewed, e.g. 2026-11-25.</summary>
    public string? AccessibilityReviewed { get; set; }

    public RetentionOptions Retention { get; set; } = new();
}

/// <summary>How long things are kept. The defaults are the ones documented in appsettings.sample.json and the privacy notice.</summary>
public sealed class RetentionOptions
{
    /// <summary>An account whose address was never confirmed is deleted after this many days.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "{0} must be 1 or more.")]
    public int UnconfirmedAccountDays { get; set; } = 30;

    /// <summary>The body (and attached PDF) of a sent or failed mail is erased after this many days; who, what and when stay.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "{0} must be 1 or more.")]
    public int MailBodyDays { get; set; } = 90;

    /// <summary>Audit entries are deleted after this many months.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "{0} must be 1 or more.")]
    public int AuditMonths { get; set; } = 24;

    /// <summary>How often the retention job runs, in minutes.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "{0} must be 1 or more.")]
    public int RunEveryMinutes { get; set; } = 60;
}
