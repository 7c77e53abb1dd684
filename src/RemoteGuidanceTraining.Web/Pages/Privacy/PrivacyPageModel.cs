using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using RemoteGuidanceTraining.Web.Privacy;

namespace RemoteGuidanceTraining.Web.Pages.Privacy;

/// <summary>
/// The privacy notice and the accessibility statement: public, one text per language (the _*.fi/sv/en partials),
/// with the organisation-specific parts from the "Privacy" settings.
/// </summary>
[AllowAnonymous]
public abstract class PrivacyPageModel(IOptions<PrivacyOptions> options) : PageModel
{
    public PrivacyOptions Settings => options.Value;

    /// <summary>fi, sv or en: which partial holds the text.</summary>
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
    {
        "sv" => "sv",
        "en" => "en",
        _ => "fi",
    };

    public void OnGet()
    {
    }
}

public class NoticeModel(IOptions<PrivacyOptions> options) : PrivacyPageModel(options);

public class AccessibilityModel(IOptions<PrivacyOptions> options) : PrivacyPageModel(options);
