using UglyToad.PdfPig;

namespace RemoteGuidanceTraining.Web.Tests.Infrastructure;

public static class PdfTexts
{
    /// <summary>The words of every page, read back as a PDF reader would (throws on a file that is not a PDF).</summary>
    public static string Of(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(page => page.GetWords()).Select(w => w.Text));
    }
}
