using System.Globalization;
using Microsoft.Extensions.Localization;

namespace RemoteGuidanceTraining.Web.Localization;

/// <summary>
/// A course's extent, "5 op (135 h)": credits come in halves (0.5, 1, 1.5 …), and in English exactly 1 is the one
/// singular ("1 ECTS credit", "1.5 ECTS credits"). Each text has a ".One" twin for it; fi and sv abbreviate, so
/// theirs read the same.
/// </summary>
public static class CreditExtent
{
    public static LocalizedString Text(IStringLocalizer t, string key, decimal credits, int hours) =>
        t[credits == 1 ? key + ".One" : key, credits.ToString("0.#", CultureInfo.CurrentCulture), hours];
}
