namespace RemoteGuidanceTraining.Web;

/// <summary>Settings under "App" in configuration; appsettings.sample.json documents each.</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>Holds the SQLite file and the mail pickup folder. Relative paths start from the content root (see <see cref="ContentRoot"/>).</summary>
    public string DataFolder { get; set; } = "../../data";

    /// <summary>Name shown in the header, page titles and mail.</summary>
    public string SiteName { get; set; } = "Etäohjauskoulutus";

    /// <summary>The site's address as the world sees it, e.g. https://koulutus.example.fi; printed on certificates.</summary>
    public string? PublicBaseUrl { get; set; }
}
