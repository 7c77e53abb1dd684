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

    // What fits before the bars start; a longer label is cut with an ellipsis (the table beside the chart has it whole).
    private const int LabelLength = 32;

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
                ? WebUtility.HtmlEncode(Shortened(bar.Label, LabelLength))
                : $"{WebUtility.HtmlEncode(bar.Kind)}: <tspan{lang}>{WebUtility.HtmlEncode(Shortened(bar.Label, Math.Max(8, LabelLength - bar.Kind.Length - 2)))}</tspan>");
            svg.Append("</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"250\" y=\"{y + 8}\" width=\"{width:0.#}\" height=\"22\" class=\"chart-bar\"></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{255 + width:0.#}\" y=\"{y + 24}\" class=\"chart-value\">{bar.Count}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Shortened(string text, int length) => text.Length > length ? text[..(length - 1)] + "…" : text;
}
