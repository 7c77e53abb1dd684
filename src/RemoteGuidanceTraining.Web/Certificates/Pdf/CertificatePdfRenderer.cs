using System.Globalization;
using System.Text;
using SkiaSharp;

namespace RemoteGuidanceTraining.Web.Certificates.Pdf;

/// <summary>
/// Draws a certificate as a one-page A4 PDF. It runs once, at issue; the bytes are stored and never re-rendered,
/// so later changes here do not alter certificates already issued. Thread-safe: typefaces are read-only.
/// </summary>
public sealed class CertificatePdfRenderer
{
    private const float PageWidth = 595;   // A4 portrait in points
    private const float PageHeight = 842;
    private const float Margin = 56;
    private const float ContentWidth = PageWidth - (2 * Margin);

    private static readonly SKColor _accent = new(0x0B, 0x3D, 0x6D);
    private static readonly SKColor _ink = new(0x1B, 0x1F, 0x24);
    private static readonly SKColor _muted = new(0x4A, 0x52, 0x5C);

    private readonly byte[][] _fontFiles;
    private readonly Faces _full;

    /// <summary>Reads the three fonts once; each certificate embeds only the glyphs it uses (see <see cref="FontSubset"/>).</summary>
    public CertificatePdfRenderer()
    {
        var fonts = Path.Combine(AppContext.BaseDirectory, "Certificates", "Fonts");
        _fontFiles = [.. new[] { "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSerif-Regular.ttf" }.Select(f => File.ReadAllBytes(Path.Combine(fonts, f)))];
        _full = new Faces(_fontFiles.Select(Typeface).ToArray(), collected: null);
    }

    /// <summary>
    /// The characters of a name that the name's typeface (Noto Serif) has no glyph for, each once: they are left out
    /// of the name on the certificate. Checked when a name is saved, since a certificate is rendered only once, at issue.
    /// </summary>
    public IReadOnlyList<string> Unprintable(string name)
    {
        using var font = new SKFont(_full.Serif);
        return [.. name.EnumerateRunes().Where(r => !HasGlyph(font, r)).Select(r => r.ToString()).Distinct()];
    }

    public byte[] Render(CertificateContent content)
    {
        content = Printable(content);
        var texts = CertificateTexts.For(content.Language);
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata
        {
            Title = $"{texts.Heading}: {content.FullName} – {content.CourseTitle}",
            Author = content.IssuerName,
            Creator = "RemoteGuidanceTraining",
            Producer = "RemoteGuidanceTraining",
            // Fixed dates keep the file identical for identical content; the completion date is on the page.
            Creation = content.CompletedOn.ToDateTime(TimeOnly.MinValue),
            Modified = content.CompletedOn.ToDateTime(TimeOnly.MinValue),
        }))
        {
            // First lay the page out without drawing, to learn which characters it uses; then draw it with fonts cut
            // down to those glyphs. Subset fonts keep every glyph's id and advance, so both passes lay out alike.
            var used = new StringBuilder();
            using (var nothing = new SKNoDrawCanvas((int)PageWidth, (int)PageHeight))
            {
                DrawPage(nothing, new Faces(_full.All, used), content, texts);
            }

            var text = used.ToString();
            var subset = _fontFiles.Select((file, i) => Typeface(FontSubset.KeepGlyphs(file, GlyphsOf(_full.All[i], text)))).ToArray();
            var canvas = document.BeginPage(PageWidth, PageHeight);
            DrawPage(canvas, new Faces(subset, collected: null), content, texts);
            document.EndPage();
            document.Close();
            foreach (var typeface in subset)
            {
                typeface.Dispose();
            }
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The content without the characters its typefaces have no glyph for (an emoji, a script the fonts lack): a
    /// certificate leaves them out rather than print empty boxes. Fallback fonts are not used, as which ones a machine
    /// has would decide what a certificate looks like; the person is warned when saving such a name.
    /// </summary>
    private CertificateContent Printable(CertificateContent content) => content with
    {
        FullName = Printable(content.FullName, _full.Serif),
        CourseTitle = Printable(content.CourseTitle, _full.Bold),
        Outcomes = [.. content.Outcomes.Select(o => Printable(o, _full.Regular))],
        IssuerName = Printable(content.IssuerName, _full.Bold),
        SignatoryName = Printable(content.SignatoryName, _full.Bold),
        SignatoryTitle = content.SignatoryTitle is null ? null : Printable(content.SignatoryTitle, _full.Regular),
    };

    /// <summary>
    /// The text with only the characters the typeface can draw; spaces a removed character stood between close up.
    /// Invisible format characters go too (the joiner of an emoji sequence): text is drawn unshaped, so they change
    /// nothing on the page, but they would be read back from it as a word of their own.
    /// </summary>
    private static string Printable(string text, SKTypeface typeface)
    {
        // Letters typed as a base and a combining mark (as some keyboards and copied text give "a" + "¨") are composed
        // first: text is drawn unshaped, so a separate mark would be set as a glyph of its own beside its letter.
        text = text.Normalize(NormalizationForm.FormC);
        using var font = new SKFont(typeface);
        var drawable = string.Concat(text.EnumerateRunes().Where(r => HasGlyph(font, r) && Rune.GetUnicodeCategory(r) != UnicodeCategory.Format));
        return drawable.Length == text.Length ? text : string.Join(' ', drawable.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static bool HasGlyph(SKFont font, Rune character) => font.GetGlyph(character.Value) != 0;

    private static ushort[] GlyphsOf(SKTypeface typeface, string text)
    {
        using var font = new SKFont(typeface);
        return font.GetGlyphs(text);
    }

    private static SKTypeface Typeface(byte[] font)
    {
        using var data = SKData.CreateCopy(font);
        return SKTypeface.FromData(data);
    }

    /// <summary>
    /// The typefaces one drawing pass uses; in the measuring pass it also collects every text drawn. Every SKFont made
    /// from them holds native memory and is disposed where it was made (using), not left to the finaliser.
    /// </summary>
    private sealed class Faces(SKTypeface[] all, StringBuilder? collected)
    {
        public SKTypeface[] All { get; } = all;

        public SKTypeface Regular => All[0];

        public SKTypeface Bold => All[1];

        public SKTypeface Serif => All[2];

        public void Text(SKCanvas canvas, string text, float x, float y, SKTextAlign align, SKFont font, SKPaint paint)
        {
            collected?.Append(text);
            canvas.DrawText(text, x, y, align, font, paint);
        }
    }

    private static void DrawPage(SKCanvas canvas, Faces f, CertificateContent content, CertificateTexts texts)
    {
        using var accent = new SKPaint { Color = _accent, IsAntialias = true };
        using var ink = new SKPaint { Color = _ink, IsAntialias = true };
        using var muted = new SKPaint { Color = _muted, IsAntialias = true };
        using var rule = new SKPaint { Color = _accent, StrokeWidth = 0.8f, IsStroke = true, IsAntialias = true };

        canvas.DrawRect(0, 0, PageWidth, 10, accent);
        canvas.DrawRect(0, PageHeight - 10, PageWidth, 10, accent);
        const float center = PageWidth / 2;

        var y = 92f;
        using var issuerFont = new SKFont(f.Bold, 12);
        foreach (var line in TextLayout.Wrap(content.IssuerName, issuerFont, ContentWidth))
        {
            f.Text(canvas, line, center, y, SKTextAlign.Center, issuerFont, muted);
            y += 16;
        }

        y = Math.Max(y + 46, 160);
        using var headingFont = new SKFont(f.Bold, 34);
        f.Text(canvas, texts.Heading, center, y, SKTextAlign.Center, headingFont, accent);
        y += 22;
        canvas.DrawLine(center - 60, y, center + 60, y, rule);

        y += 62;
        // A name too long for one line even at the smallest size wraps; each further line pushes the rest down.
        var (nameFont, nameLines) = TextLayout.FitLines(content.FullName, f.Serif, 30, 14, ContentWidth);
        using (nameFont)
        {
            var lineHeight = nameFont.Size * 1.3f;
            for (var i = 0; i < nameLines.Count; i++)
            {
                f.Text(canvas, nameLines[i], center, y + (i * lineHeight), SKTextAlign.Center, nameFont, ink);
            }

            y += 34 + (Math.Max(nameLines.Count - 1, 0) * lineHeight);
        }

        using var completedFont = new SKFont(f.Regular, 13);
        f.Text(canvas, texts.HasCompleted, center, y, SKTextAlign.Center, completedFont, muted);
        y += 36;
        using var titleFont = new SKFont(f.Bold, 19);
        foreach (var line in TextLayout.Wrap(content.CourseTitle, titleFont, ContentWidth))
        {
            f.Text(canvas, line, center, y, SKTextAlign.Center, titleFont, ink);
            y += 25;
        }

        y += 6;
        var facts = $"{texts.Extent} {texts.FormatExtent(content.Credits, content.Hours)}   ·   {texts.CompletedOn} {texts.FormatDate(content.CompletedOn)}";
        using var factsFont = TextLayout.FitOneLine(facts, f.Regular, 12, 8, ContentWidth);
        f.Text(canvas, facts, center, y, SKTextAlign.Center, factsFont, ink);

        y += 42;
        DrawOutcomes(canvas, f, content.Outcomes, texts, y, bottom: 652, ink);
        DrawSignature(canvas, f, content, ink, muted);
        DrawVerification(canvas, f, content, texts, ink, muted);
    }

    private static void DrawOutcomes(SKCanvas canvas, Faces f, IReadOnlyList<string> outcomes, CertificateTexts texts, float top, float bottom, SKPaint ink)
    {
        if (outcomes.Count == 0)
        {
            return;
        }

        using (var headingFont = new SKFont(f.Bold, 12))
        {
            f.Text(canvas, texts.Outcomes, Margin, top, SKTextAlign.Left, headingFont, ink);
        }

        // Shrink the list until it fits the space above the signature.
        for (var size = 10.5f; size >= 6.5f; size -= 0.5f)
        {
            using var font = new SKFont(f.Regular, size);
            var lineHeight = size * 1.35f;
            var wrapped = outcomes.Select(o => TextLayout.Wrap(o, font, ContentWidth - 14)).ToList();
            var height = wrapped.Sum(lines => (lines.Count * lineHeight) + 3);
            if (top + 8 + height <= bottom || size <= 6.5f)
            {
                var y = top + 8 + lineHeight;
                foreach (var lines in wrapped)
                {
                    // Lines past the bottom are left out even at the smallest size; so is the bullet of one left out whole.
                    if (y <= bottom)
                    {
                        f.Text(canvas, "•", Margin + 2, y, SKTextAlign.Left, font, ink);
                    }

                    foreach (var line in lines)
                    {
                        if (y <= bottom)
                        {
                            f.Text(canvas, line, Margin + 14, y, SKTextAlign.Left, font, ink);
                        }

                        y += lineHeight;
                    }

                    y += 3;
                }

                return;
            }
        }
    }

    private static void DrawSignature(SKCanvas canvas, Faces f, CertificateContent content, SKPaint ink, SKPaint muted)
    {
        const float y = 700;
        using var line = new SKPaint { Color = _muted, StrokeWidth = 0.6f, IsStroke = true };
        canvas.DrawLine(Margin, y, Margin + 210, y, line);
        using (var nameFont = TextLayout.FitOneLine(content.SignatoryName, f.Bold, 11, 7, 260))
        {
            f.Text(canvas, content.SignatoryName, Margin, y + 16, SKTextAlign.Left, nameFont, ink);
        }

        if (!string.IsNullOrWhiteSpace(content.SignatoryTitle))
        {
            using var titleFont = TextLayout.FitOneLine(content.SignatoryTitle, f.Regular, 10, 7, 260);
            f.Text(canvas, content.SignatoryTitle, Margin, y + 30, SKTextAlign.Left, titleFont, muted);
        }
    }

    private static void DrawVerification(SKCanvas canvas, Faces f, CertificateContent content, CertificateTexts texts, SKPaint ink, SKPaint muted)
    {
        const float qrSize = 84;
        const float qrTop = 672;
        var qrLeft = PageWidth - Margin - qrSize;
        var matrix = QrCodeMatrix.For(content.VerificationUrl);
        var modules = matrix.GetLength(0);
        var cell = qrSize / modules;
        for (var x = 0; x < modules; x++)
        {
            for (var y = 0; y < modules; y++)
            {
                if (matrix[x, y])
                {
                    canvas.DrawRect(qrLeft + (x * cell), qrTop + (y * cell), cell, cell, ink);
                }
            }
        }

        const float small = 8.5f;
        var textRight = PageWidth - Margin;
        var lineY = 782f;
        var verifyAt = $"{texts.VerifyAt} {content.VerificationUrl}";
        using (var verifyFont = TextLayout.FitOneLine(verifyAt, f.Regular, small, 5, ContentWidth))
        {
            f.Text(canvas, verifyAt, textRight, lineY, SKTextAlign.Right, verifyFont, muted);
        }

        lineY += 13;
        var codes = $"{texts.Code}: {content.VerificationCode}   ·   {texts.Serial}: {content.SerialNumber}   ·   {texts.Version}: {content.ContentVersion}";
        using var codesFont = TextLayout.FitOneLine(codes, f.Regular, small, 5, ContentWidth);
        f.Text(canvas, codes, textRight, lineY, SKTextAlign.Right, codesFont, ink);
    }
}
