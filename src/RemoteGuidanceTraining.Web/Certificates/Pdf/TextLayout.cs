using System.Globalization;
using SkiaSharp;

namespace RemoteGuidanceTraining.Web.Certificates.Pdf;

/// <summary>Word wrapping and fitting for the certificate: nothing may run off an A4 page.</summary>
internal static class TextLayout
{
    /// <summary>
    /// Lines no wider than <paramref name="width"/>, broken at spaces, else after a hyphen, and inside a word only
    /// where the word alone is wider than a line.
    /// </summary>
    public static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = " ";
            foreach (var piece in Pieces(word, font, width))
            {
                var candidate = line.Length == 0 ? piece : line + separator + piece;
                if (line.Length > 0 && font.MeasureText(candidate) > width)
                {
                    lines.Add(line);
                    line = piece;
                }
                else
                {
                    line = candidate;
                }

                separator = "";
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

    /// <summary>
    /// The text on one line as <see cref="FitOneLine"/> sizes it; when it does not fit even at the minimum size, wrapped
    /// at that size into lines of even length, so that a centred text does not end in a stub. The caller owns the
    /// font and disposes it.
    /// </summary>
    public static (SKFont Font, List<string> Lines) FitLines(string text, SKTypeface typeface, float size, float minimum, float width)
    {
        var font = FitOneLine(text, typeface, size, minimum, width);
        var lines = Wrap(text, font, width);
        if (lines.Count <= 1)
        {
            return (font, lines);
        }

        // The narrowest width that still needs no further line, and no narrower than the widest word that fits a line:
        // evening the lines out must not cut a word that the full width would have kept whole.
        var widestWord = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Max(word => font.MeasureText(word));
        float tooNarrow = widestWord <= width ? Math.Max(width / (lines.Count + 1), widestWord) : width / (lines.Count + 1), wideEnough = width;
        while (wideEnough - tooNarrow > 1)
        {
            var middle = (tooNarrow + wideEnough) / 2;
            if (Wrap(text, font, middle).Count > lines.Count)
            {
                tooNarrow = middle;
            }
            else
            {
                wideEnough = middle;
            }
        }

        return (font, Wrap(text, font, wideEnough));
    }

    /// <summary>
    /// The parts of a word after which a line may end: each hyphen ends a part, and a part wider than a line is cut
    /// between letters (never inside a letter with its accents, nor inside a surrogate pair).
    /// </summary>
    private static IEnumerable<string> Pieces(string word, SKFont font, float width)
    {
        var start = 0;
        while (start < word.Length)
        {
            var hyphen = word.IndexOf('-', start + 1);
            var end = hyphen < 0 ? word.Length : hyphen + 1;
            var piece = "";
            var letters = StringInfo.GetTextElementEnumerator(word[start..end]);
            while (letters.MoveNext())
            {
                var letter = letters.GetTextElement();
                if (piece.Length > 0 && font.MeasureText(piece + letter) > width)
                {
                    yield return piece;
                    piece = "";
                }

                piece += letter;
            }

            yield return piece;
            start = end;
        }
    }
}
