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

    // The neutral cultures write dates for other countries: "en" the US way (11/26/2026 4:51 PM), "sv" Sweden's
    // (2026-11-26 16:51; the platform's sv-FI too). Readers here, like the certificate, expect day/month/year with a
    // 24-hour clock: English takes en-GB's formats (26/11/2026 16:51), Swedish is written as in Finland
    // (26.11.2026 16.51, as the Swedish certificate already does). Each keeps its name and texts.
    private static readonly IReadOnlyDictionary<string, CultureInfo> _instances = Supported.ToDictionary(name => name, name => name switch
    {
        "en" => Adapted("en", c => (c.DateTimeFormat, c.NumberFormat) =
            ((DateTimeFormatInfo)CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.Clone(), (NumberFormatInfo)CultureInfo.GetCultureInfo("en-GB").NumberFormat.Clone())),
        "sv" => Adapted("sv", c => (c.DateTimeFormat.ShortDatePattern, c.DateTimeFormat.ShortTimePattern) = ("d.M.yyyy", "H.mm")),
        _ => CultureInfo.GetCultureInfo(name),
    });

    /// <summary>The culture the site uses for a supported language; anything else gets Finnish.</summary>
    public static CultureInfo Get(string? name) => _instances[SpokenOrDefault(name)];

    /// <summary>Switches the current culture for the lifetime of the scope, e.g. to write a mail in the recipient's language.</summary>
    public static IDisposable Use(string name) => new Scope(Get(name));

    private static CultureInfo Adapted(string name, Action<CultureInfo> adapt)
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(name).Clone();
        adapt(culture);
        return CultureInfo.ReadOnly(culture);
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
