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

    private readonly SKTypeface _regular;
    private readonly SKTypeface _bold;
    private readonly SKTypeface _serif;

    public CertificatePdfRenderer()
    {
        var fonts = Path.Combine(AppContext.BaseDirectory, "Certificates", "Fonts");
        _regular = SKTypeface.FromFile(Path.Combine(fonts, "NotoSans-Regular.ttf"));
        _bold = SKTypeface.FromFile(Path.Combine(fonts, "NotoSans-Bold.ttf"));
        _serif = SKTypeface.FromFile(Path.Combine(fonts, "NotoSerif-Regular.ttf"));
    }

    public byte[] Render(CertificateContent content)
    {
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
            var canvas = document.BeginPage(PageWidth, PageHeight);
            DrawPage(canvas, content, texts);
            document.EndPage();
            document.Close();
        }

        return stream.ToArray();
    }

    private void DrawPage(SKCanvas canvas, CertificateContent content, CertificateTexts texts)
    {
        using var accent = new SKPaint { Color = _accent, IsAntialias = true };
        using var ink = new SKPaint { Color = _ink, IsAntialias = true };
        using var muted = new SKPaint { Color = _muted, IsAntialias = true };
        using var rule = new SKPaint { Color = _accent, StrokeWidth = 0.8f, IsStroke = true, IsAntialias = true };

        canvas.DrawRect(0, 0, PageWidth, 10, accent);
        canvas.DrawRect(0, PageHeight - 10, PageWidth, 10, accent);
        const float center = PageWidth / 2;

        var y = 92f;
        foreach (var line in TextLayout.Wrap(content.IssuerName, new SKFont(_bold, 12), ContentWidth))
        {
            canvas.DrawText(line, center, y, SKTextAlign.Center, new SKFont(_bold, 12), muted);
            y += 16;
        }

        y = Math.Max(y + 46, 160);
        canvas.DrawText(texts.Heading, center, y, SKTextAlign.Center, new SKFont(_bold, 34), accent);
        y += 22;
        canvas.DrawLine(center - 60, y, center + 60, y, rule);

        y += 62;
        canvas.DrawText(content.FullName, center, y, SKTextAlign.Center, TextLayout.FitOneLine(content.FullName, _serif, 30, 14, ContentWidth), ink);
        y += 34;
        canvas.DrawText(texts.HasCompleted, center, y, SKTextAlign.Center, new SKFont(_regular, 13), muted);
        y += 36;
        var titleFont = new SKFont(_bold, 19);
        foreach (var line in TextLayout.Wrap(content.CourseTitle, titleFont, ContentWidth))
        {
            canvas.DrawText(line, center, y, SKTextAlign.Center, titleFont, ink);
            y += 25;
        }

        y += 6;
        var facts = $"{texts.Extent} {texts.FormatExtent(content.Credits, content.Hours)}   ·   {texts.CompletedOn} {texts.FormatDate(content.CompletedOn)}";
        canvas.DrawText(facts, center, y, SKTextAlign.Center, TextLayout.FitOneLine(facts, _regular, 12, 8, ContentWidth), ink);

        y += 42;
        DrawOutcomes(canvas, content.Outcomes, texts, y, bottom: 652, ink);
        DrawSignature(canvas, content, ink, muted);
        DrawVerification(canvas, content, texts, ink, muted);
    }

    private void DrawOutcomes(SKCanvas canvas, IReadOnlyList<string> outcomes, CertificateTexts texts, float top, float bottom, SKPaint ink)
    {
        if (outcomes.Count == 0)
        {
            return;
        }

        canvas.DrawText(texts.Outcomes, Margin, top, SKTextAlign.Left, new SKFont(_bold, 12), ink);
        // Shrink the list until it fits the space above the signature.
        for (var size = 10.5f; size >= 6.5f; size -= 0.5f)
        {
            var font = new SKFont(_regular, size);
            var lineHeight = size * 1.35f;
            var wrapped = outcomes.Select(o => TextLayout.Wrap(o, font, ContentWidth - 14)).ToList();
            var height = wrapped.Sum(lines => (lines.Count * lineHeight) + 3);
            if (top + 8 + height <= bottom || size <= 6.5f)
            {
                var y = top + 8 + lineHeight;
                foreach (var lines in wrapped)
                {
                    canvas.DrawText("•", Margin + 2, y, SKTextAlign.Left, font, ink);
                    foreach (var line in lines)
                    {
                        if (y <= bottom)
                        {
                            canvas.DrawText(line, Margin + 14, y, SKTextAlign.Left, font, ink);
                        }

                        y += lineHeight;
                    }

                    y += 3;
                }

                return;
            }
        }
    }

    private void DrawSignature(SKCanvas canvas, CertificateContent content, SKPaint ink, SKPaint muted)
    {
        const float y = 700;
        using var line = new SKPaint { Color = _muted, StrokeWidth = 0.6f, IsStroke = true };
        canvas.DrawLine(Margin, y, Margin + 210, y, line);
        canvas.DrawText(content.SignatoryName, Margin, y + 16, SKTextAlign.Left, TextLayout.FitOneLine(content.SignatoryName, _bold, 11, 7, 260), ink);
        if (!string.IsNullOrWhiteSpace(content.SignatoryTitle))
        {
            canvas.DrawText(content.SignatoryTitle, Margin, y + 30, SKTextAlign.Left, TextLayout.FitOneLine(content.SignatoryTitle, _regular, 10, 7, 260), muted);
        }
    }

    private void DrawVerification(SKCanvas canvas, CertificateContent content, CertificateTexts texts, SKPaint ink, SKPaint muted)
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

        var small = new SKFont(_regular, 8.5f);
        var textRight = PageWidth - Margin;
        var lineY = 782f;
        canvas.DrawText($"{texts.VerifyAt} {content.VerificationUrl}", textRight, lineY, SKTextAlign.Right,
            TextLayout.FitOneLine($"{texts.VerifyAt} {content.VerificationUrl}", _regular, 8.5f, 5, ContentWidth), muted);
        lineY += 13;
        var codes = $"{texts.Code}: {content.VerificationCode}   ·   {texts.Serial}: {content.SerialNumber}   ·   {texts.Version}: {content.ContentVersion}";
        canvas.DrawText(codes, textRight, lineY, SKTextAlign.Right, TextLayout.FitOneLine(codes, _regular, small.Size, 5, ContentWidth), ink);
    }
}
