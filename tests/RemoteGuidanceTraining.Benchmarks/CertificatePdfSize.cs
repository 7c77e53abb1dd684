using System.Diagnostics;
using System.Globalization;
using RemoteGuidanceTraining.Web.Certificates.Pdf;

namespace RemoteGuidanceTraining.Benchmarks;

/// <summary>`certificate-size [file]`: one certificate's size in bytes and the mean time of 200 renders after warm-up.</summary>
public static class CertificatePdfSize
{
    public static int Run(string? file)
    {
        var renderer = new CertificatePdfRenderer();
        var content = new CertificatePdfBenchmarks().Content;
        var pdf = renderer.Render(content);
        for (var i = 0; i < 20; i++)
        {
            renderer.Render(content);
        }

        var clock = Stopwatch.StartNew();
        const int count = 200;
        for (var i = 0; i < count; i++)
        {
            renderer.Render(content);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"certificate PDF: {pdf.Length:N0} bytes; render: {clock.Elapsed.TotalMilliseconds / count:F2} ms mean of {count}"));
        if (file is not null)
        {
            File.WriteAllBytes(file, pdf);
        }

        return 0;
    }
}
