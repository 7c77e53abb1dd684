using System.Globalization;

namespace RemoteGuidanceTraining.Web.Localization;

/// <summary>The languages the site speaks. Finnish first: it is the default and the fallback.</summary>
public static class Cultures
{
    public const string Default = "fi";

    public static readonly IReadOnlyList<string> Supported = ["fi", "sv", "en"];

    public static bool IsSupported(string? name) => name is not null && Supported.Contains(name);

    /// <summary>The language itself when the site speaks it, else Finnish: the one rule for mail, certificates and templates.</summary>
    public static string SpokenOrDefault(string? name) => IsSupported(name) ? name! : Default;

    // Plain "en" writes dates the US way (11/26/2026 4:51 PM). English readers here, like the certificate, expect
    // day/month/year and a 24-hour clock, so "en" keeps its name and texts but takes its formats from en-GB.
    private static readonly IReadOnlyDictionary<string, CultureInfo> _instances = Supported.ToDictionary(
        name => name, name => name == "en" ? EnglishWithBritishFormats() : CultureInfo.GetCultureInfo(name));

    /// <summary>The culture the site uses for a supported language; anything else gets Finnish.</summary>
    public static CultureInfo Get(string? name) => _instances[SpokenOrDefault(name)];

    /// <summary>Switches the current culture for the lifetime of the scope, e.g. to write a mail in the recipient's language.</summary>
    public static IDisposable Use(string name) => new Scope(Get(name));

    private static CultureInfo EnglishWithBritishFormats()
    {
        var english = (CultureInfo)CultureInfo.GetCultureInfo("en").Clone();
        var british = CultureInfo.GetCultureInfo("en-GB");
        english.DateTimeFormat = (DateTimeFormatInfo)british.DateTimeFormat.Clone();
        english.NumberFormat = (NumberFormatInfo)british.NumberFormat.Clone();
        return CultureInfo.ReadOnly(english);
    }

    private sealed class Scope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public Scope(CultureInfo culture)
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
