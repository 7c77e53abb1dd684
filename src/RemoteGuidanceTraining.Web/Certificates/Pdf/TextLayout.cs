using SkiaSharp;

namespace RemoteGuidanceTraining.Web.Certificates.Pdf;

/// <summary>Word wrapping and fitting for the certificate: nothing may run off an A4 page.</summary>
internal static class TextLayout
{
    public static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && font.MeasureText(candidate) > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>
    /// The largest size from <paramref name="size"/> down to <paramref name="minimum"/> at which the text fits one
    /// line. The caller owns the font and disposes it.
    /// </summary>
    public static SKFont FitOneLine(string text, SKTypeface typeface, float size, float minimum, float width)
    {
        var font = new SKFont(typeface, size);
        while (font.Size > minimum && font.MeasureText(text) > width)
        {
            font.Size -= 0.5f;
        }

        return font;
    }
}
