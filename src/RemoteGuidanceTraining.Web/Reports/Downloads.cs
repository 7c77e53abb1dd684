using Microsoft.Net.Http.Headers;

namespace RemoteGuidanceTraining.Web.Reports;

/// <summary>Download headers for exports written straight to the response.</summary>
public static class Downloads
{
    /// <summary>
    /// The Content-Disposition of a file to save, with its name encoded for any language's letters
    /// (filename* as RFC 6266 asks, the same as a File result writes).
    /// </summary>
    public static string Attachment(string fileName)
    {
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        return disposition.ToString();
    }
}
