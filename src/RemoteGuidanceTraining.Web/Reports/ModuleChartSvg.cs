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

    /// <summary>The module chart; the course's language is marked on the module titles (course content, not the page's language).</summary>
    public static string Render(IReadOnlyList<ModuleProgress> modules, int enrolled, string labelledBy, string? language = null) =>
        Render([.. modules.Select(m => new ChartBar(m.Title, m.Reached))], enrolled, labelledBy, language: language);

    /// <summary>Any list of labelled counts (the funnel, completions per month), bars scaled to <paramref name="max"/>.</summary>
    public static string Render(IReadOnlyList<ChartBar> bars, int max, string labelledBy, bool numbered = true, string? language = null)
    {
        var modules = bars.Select(b => new { Title = b.Label, Reached = b.Count }).ToList();
        max = Math.Max(1, Math.Max(max, modules.Count == 0 ? 0 : modules.Max(m => m.Reached)));
        var lang = language is null ? "" : $" lang=\"{WebUtility.HtmlEncode(language)}\"";
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-labelledby=\"{labelledBy}\" viewBox=\"0 0 640 {(modules.Count * RowHeight) + 10}\" width=\"100%\" focusable=\"false\">");
        for (var i = 0; i < modules.Count; i++)
        {
            var m = modules[i];
            var width = 330.0 * m.Reached / max;
            var title = m.Title.Length > 32 ? m.Title[..31] + "…" : m.Title;
            var y = i * RowHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 24}\" class=\"chart-label\"{lang}>{(numbered ? $"{i + 1}. " : "")}{WebUtility.HtmlEncode(title)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"250\" y=\"{y + 8}\" width=\"{width:0.#}\" height=\"22\" class=\"chart-bar\"></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{255 + width:0.#}\" y=\"{y + 24}\" class=\"chart-value\">{m.Reached}</text>");
        }

        return svg.Append("</svg>").ToString();
    }
}
