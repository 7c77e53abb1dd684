namespace RemoteGuidanceTraining.Web.Authoring;

/// <summary>
/// What may be uploaded into a course: a short allow-list of image and attachment types, checked by extension and,
/// for images, by the file's first bytes. SVG is refused: it can carry script, and sanitising it well is more than
/// this workspace should promise (diagrams can still be committed to the folder after review).
/// </summary>
public static class UploadRules
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public static readonly string[] Images = [".png", ".jpg", ".jpeg", ".gif", ".webp"];

    public static readonly string[] Attachments = [".pdf", ".txt", ".csv", ".docx", ".xlsx", ".pptx", ".mp3", ".mp4"];

    public static bool IsImage(string extension) => Images.Contains(extension);

    /// <summary>The normalised file name ("Kanava Kartta.PNG" → "kanava-kartta.png"), or null when the type is refused.</summary>
    public static string? NormalisedName(string? uploadedName)
    {
        var name = Path.GetFileName(uploadedName ?? "");
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!Images.Contains(extension) && !Attachments.Contains(extension))
        {
            return null;
        }

        var stem = CoursePaths.Slug(Path.GetFileNameWithoutExtension(name));
        return (stem.Length == 0 ? "tiedosto" : stem) + (extension == ".jpeg" ? ".jpg" : extension);
    }

    /// <summary>An image's first bytes must match its type, so a renamed file of another kind is refused.</summary>
    public static bool ContentMatches(string extension, ReadOnlySpan<byte> head) => extension switch
    {
        ".png" => head.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ".jpg" or ".jpeg" => head.StartsWith((byte[])[0xFF, 0xD8, 0xFF]),
        ".gif" => head.StartsWith("GIF8"u8),
        ".webp" => head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8),
        _ => true,
    };
}

/// <summary>The allowed types as the upload form lists them.</summary>
public static class UploadRulesText
{
    public static string Types => string.Join(", ", UploadRules.Images.Concat(UploadRules.Attachments));
}
