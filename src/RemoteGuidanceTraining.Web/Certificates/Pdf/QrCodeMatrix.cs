using QRCoder;

namespace RemoteGuidanceTraining.Web.Certificates.Pdf;

/// <summary>The QR code as a grid of dark modules, drawn as vector squares: sharp at any zoom, no image decoding.</summary>
internal static class QrCodeMatrix
{
    public static bool[,] For(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var rows = data.ModuleMatrix;
        var size = rows.Count;
        var matrix = new bool[size, size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                matrix[x, y] = rows[y][x];
            }
        }

        return matrix;
    }
}
