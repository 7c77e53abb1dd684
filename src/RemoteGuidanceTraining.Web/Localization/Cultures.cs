using System.Globalization;

namespace RemoteGuidanceTraining.Web.Localization;

/// <summary>The languages the site speaks. Finnish first: it is the default and the fallback.</summary>
public static class Cultures
{
    public const string Default = "fi";

    public static readonly IReadOnlyList<string> Supported = ["fi", "sv", "en"];

    public static bool IsSupported(string? name) => name is not null && Supported.Contains(name);

    /// <summary>Switches the current culture for the lifetime of the scope, e.g. to write a mail in the recipient's language.</summary>
    public static IDisposable Use(string name) => new Scope(CultureInfo.GetCultureInfo(IsSupported(name) ? name : Default));

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
