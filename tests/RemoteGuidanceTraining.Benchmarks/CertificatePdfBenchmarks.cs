using BenchmarkDotNet.Attributes;
using RemoteGuidanceTraining.Web.Certificates.Pdf;
using SkiaSharp;

namespace RemoteGuidanceTraining.Benchmarks;

/// <summary>Rendering one certificate, against a baseline PDF page with a single line of text.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class CertificatePdfBenchmarks
{
    private readonly CertificatePdfRenderer _renderer = new();
    public CertificateContent Content { get; } = new("fi", "Äijälä Öystilä-Åkerblom", "Etäohjauksen perusteet", 5m, 135,
        ["Osaat kuvata ohjauksen monikanavaisena palveluna.", "Tunnistat etäohjauksen saavutettavuuden edellytykset.",
         "Osaat rakentaa luottamusta ilman sanatonta viestintää.", "Laadit oman palvelusi kanavakartan."],
        new DateOnly(2026, 11, 24), "Etäohjauksen koulutusverkosto", "Maija Esimerkki", "koulutuspäällikkö",
        "RGT-2026-000123", "K7QX-M2PD-9WZA", "https://koulutus.example.fi/verify/K7QX-M2PD-9WZA", "2026.1");

    [Benchmark(Baseline = true)]
    public int OneLinePdf()
    {
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream))
        {
            var canvas = document.BeginPage(595, 842);
            using var paint = new SKPaint();
            canvas.DrawText("Todistus", 56, 100, SKTextAlign.Left, new SKFont(SKTypeface.Default, 12), paint);
            document.EndPage();
            document.Close();
        }

        return (int)stream.Length;
    }

    [Benchmark]
    public int Certificate() => _renderer.Render(Content).Length;
}
