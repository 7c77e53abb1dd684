using Microsoft.AspNetCore.Identity;

namespace RemoteGuidanceTraining.Web.Data;

/// <summary>A person using the site. Identity keeps the credentials; these are the facts the training needs.</summary>
public class AppUser : IdentityUser
{
    /// <summary>The name printed on certificates, so it is asked for in full.</summary>
    public string FullName { get; set; } = "";

    public string? Organisation { get; set; }

    /// <summary>A code from <see cref="Accounts.Regions"/>; coordinators' reports group by it.</summary>
    public string? Region { get; set; }

    /// <summary>fi, sv or en; used for mail and set as the UI culture on sign-in.</summary>
    public string PreferredLanguage { get; set; } = "fi";

    public DateTime CreatedAtUtc { get; set; } = DateTime.UtcNow;
}
