using System.Globalization;
using System.Text.RegularExpressions;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Foundation;

/// <summary>
/// The keyboard focus ring as site.css draws it: one of its colours stands out at 3:1 (WCAG 1.4.11) both on the white
/// content area and on the dark blue header, and the Markdown editor's ring lies inside the editor's box, where
/// Chrome does not clip it away (checked by screenshots in headless Chromium when it was chosen).
/// </summary>
public sealed partial class FocusRingTests
{
    private static readonly string _css = File.ReadAllText(Path.Combine(RepoPaths.WebProject, "wwwroot", "css", "site.css"));

    [Fact]
    public void The_focus_ring_has_a_colour_at_3_to_1_on_white_and_one_on_the_header()
    {
        var colours = Colours(Rule(":focus-visible"));
        var header = Hex(Regex.Match(_css, @"--accent-dark:\s*(#[0-9a-fA-F]{6})").Groups[1].Value);

        Assert.Contains(colours, c => Contrast(c, (255, 255, 255)) >= 3);
        Assert.Contains(colours, c => Contrast(c, header) >= 3);
    }

    [Fact]
    public void The_markdown_editors_ring_is_drawn_inside_its_box()
    {
        var rule = Rule(".EasyMDEContainer .CodeMirror-focused");

        Assert.Matches(@"outline-offset:\s*-\d", rule);
        Assert.Contains(Colours(rule), c => Contrast(c, (255, 255, 255)) >= 3);
    }

    private static string Rule(string selector) =>
        Regex.Match(_css, "(?m)^" + Regex.Escape(selector) + @"\s*\{([^}]*)\}").Groups[1].Value is { Length: > 0 } body
            ? body
            : throw new InvalidOperationException($"No rule {selector} in site.css");

    private static List<(int R, int G, int B)> Colours(string rule) => HexColour().Matches(rule).Select(m => Hex(m.Value)).ToList();

    private static (int R, int G, int B) Hex(string hex) =>
        (int.Parse(hex[1..3], NumberStyles.HexNumber, CultureInfo.InvariantCulture), int.Parse(hex[3..5], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            int.Parse(hex[5..7], NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    private static double Contrast((int R, int G, int B) a, (int R, int G, int B) b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance((int R, int G, int B) c)
    {
        static double Channel(int v) => v / 255.0 <= 0.03928 ? v / 255.0 / 12.92 : Math.Pow((v / 255.0 + 0.055) / 1.055, 2.4);
        return 0.2126 * Channel(c.R) + 0.7152 * Channel(c.G) + 0.0722 * Channel(c.B);
    }

    [GeneratedRegex("#[0-9a-fA-F]{6}")]
    private static partial Regex HexColour();
}
