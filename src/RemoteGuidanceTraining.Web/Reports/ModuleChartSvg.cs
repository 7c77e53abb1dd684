using System.Globalization;
using System.Net;
using System.Text;

namespace RemoteGuidanceTraining.Web.Reports;

/// <summary>
/// A horizontal bar chart of how many participants got through each module, as inline SVG (no script, no
/// library). The page puts the same numbers in a table next to it for screen readers and printing.
/// </summary>
public static class ModuleChartSvg
{
    private const int RowHeight = 34;

    // The room before the bars (x = 250) in ems of the 13 px labels, with a gap; a longer label is cut with an
    // ellipsis (the table beside the chart has it whole). Counted in characters, wide ones ran into the bars.
    private const double LabelEms = 18.5;

    /// <summary>The module chart; the course's language is marked on the module titles (course content, not the page's language).</summary>
    public static string Render(IReadOnlyList<ModuleProgress> modules, int enrolled, string labelledBy, string? language = null) =>
        Render([.. modules.Select(m => new ChartBar(m.Title, m.Reached))], enrolled, labelledBy, language: language);

    /// <summary>
    /// Any list of labelled counts (the funnel, completions per month), bars scaled to <paramref name="max"/>. With
    /// <paramref name="language"/>, the labels are course content in that language; a bar's kind ("Tietovisa: ") is
    /// the page's, so then only the title part carries the course's language.
    /// </summary>
    public static string Render(IReadOnlyList<ChartBar> bars, int max, string labelledBy, bool numbered = true, string? language = null)
    {
        max = Math.Max(1, Math.Max(max, bars.Count == 0 ? 0 : bars.Max(b => b.Count)));
        var lang = language is null ? "" : $" lang=\"{WebUtility.HtmlEncode(language)}\"";
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-labelledby=\"{labelledBy}\" viewBox=\"0 0 640 {(bars.Count * RowHeight) + 10}\" width=\"100%\" focusable=\"false\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var width = 330.0 * bar.Count / max;
            var number = numbered ? $"{i + 1}. " : "";
            var y = i * RowHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 24}\" class=\"chart-label\"{(bar.Kind is null ? lang : "")}>{number}");
            svg.Append(bar.Kind is null
                ? WebUtility.HtmlEncode(Fitted(bar.Label, number))
                : $"{WebUtility.HtmlEncode(bar.Kind)}: <tspan{lang}>{WebUtility.HtmlEncode(Fitted(bar.Label, $"{number}{bar.Kind}: "))}</tspan>");
            svg.Append("</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"250\" y=\"{y + 8}\" width=\"{width:0.#}\" height=\"22\" class=\"chart-bar\"></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{255 + width:0.#}\" y=\"{y + 24}\" class=\"chart-value\">{bar.Count}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>The label, cut to what fits after <paramref name="before"/> (its number and kind, never cut).</summary>
    private static string Fitted(string label, string before)
    {
        var room = LabelEms - Ems(before);
        if (Ems(label) <= room)
        {
            return label;
        }

        var cut = label.Length;
        while (cut > 1 && Ems(label[..cut].TrimEnd()) + Em('…') > room)
        {
            cut--;
        }

        return label[..cut].TrimEnd() + "…";
    }

    private static double Ems(string text) => text.Sum(Em);

    // Advance widths of a wide sans-serif (DejaVu Sans, what Linux browsers fall back to), so narrower fonts only leave
    // more room; an estimate, as the server cannot measure the reader's font.
    private static double Em(char c) => c switch
    {
        'i' or 'j' or 'l' or '\'' or '|' or '!' => 0.28,
        ' ' or '.' or ',' or ':' or ';' or 'f' or 't' or 'r' or 'I' or '-' or '(' or ')' or '/' => 0.42,
        'm' or 'M' or 'W' or '…' or '—' => 1.0,
        'w' or '%' or '@' => 0.9,
        >= '0' and <= '9' => 0.64,
        _ when char.IsUpper(c) => 0.78,
        _ => 0.64,
    };
}
