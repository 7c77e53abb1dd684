using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Certificates.Pdf;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Accounts;

/// <summary>
/// What a name being saved means for certificates. Characters the certificate's typeface cannot print: the name is
/// saved all the same (it is the person's own, and right on the site and in mail; only the PDF leaves them out), the
/// pages warn after saving, and the layout shows the warning under <see cref="WarningKey"/> on the next page. And
/// whether certificates already issued carry another name: they are snapshots and keep it.
/// </summary>
public sealed class CertificateNameCheck(AppDbContext db, CertificatePdfRenderer renderer, IStringLocalizer<SharedResource> t)
{
    /// <summary>TempData key of a warning about something saved that the person should still look at.</summary>
    public const string WarningKey = "Warning";

    /// <summary>The warning naming the characters, in the current language; null when the whole name prints.</summary>
    public string? WarningFor(string name)
    {
        var missing = renderer.Unprintable(name);
        return missing.Count == 0 ? null : t["Name.UnprintableOnCertificate", string.Join(" ", missing.Select(Shown))].Value;
    }

    /// <summary>Whether the person holds a valid certificate issued under a name other than <paramref name="name"/>.</summary>
    public Task<bool> IssuedUnderAnotherNameAsync(string userId, string name, CancellationToken cancellationToken) =>
        db.Certificates.AnyAsync(c => c.UserId == userId && c.Status == CertificateStatus.Valid && c.FullName != name, cancellationToken);

    /// <summary>A visible character as itself; an invisible one (a joiner, a control, a lone mark) by its code point.</summary>
    private static string Shown(string character)
    {
        var rune = Rune.GetRuneAt(character, 0);
        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.PrivateUse ? $"U+{rune.Value:X4}" : character;
    }
}
