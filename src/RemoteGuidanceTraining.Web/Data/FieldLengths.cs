using RemoteGuidanceTraining.Courses;
using RemoteGuidanceTraining.Web.Accounts;

namespace RemoteGuidanceTraining.Web.Data;

/// <summary>
/// The lengths of the text columns that several features share, in one place: the EF configurations, the forms'
/// [StringLength] and the server-side checks use these, so a column and the check in front of it cannot drift apart.
/// A length that belongs to one feature only stays with it (e.g. <see cref="AccountLimits"/>, NetworkVocabulary).
/// </summary>
public static class FieldLengths
{
    /// <summary>Identity's user key (AspNetUsers.Id), in every column that points at a user.</summary>
    public const int UserId = 450;

    /// <summary>
    /// A course, module, lesson, quiz or task id from the course files (a-z, 0-9 and '-'): the course engine refuses
    /// longer ones (<see cref="ContentLimits.MaxIdLength"/>).
    /// </summary>
    public const int ContentId = ContentLimits.MaxIdLength;

    /// <summary>A person's, cohort's or organisation's name.</summary>
    public const int Name = AccountLimits.NameLength;

    /// <summary>A region (maakunta) as the site writes it.</summary>
    public const int Region = 40;

    /// <summary>A culture name: "fi", "sv", "en".</summary>
    public const int Language = 5;

    /// <summary>A SHA-256 digest in hex.</summary>
    public const int Sha256Hex = 64;

    /// <summary>A course's content version (the engine refuses longer ones) or a certificate's serial number.</summary>
    public const int Version = ContentLimits.MaxVersionLength;

    /// <summary>A short code naming a kind of thing or action ("issued", "revoked", "self", ...).</summary>
    public const int Kind = 20;

    /// <summary>
    /// A course title as printed on a certificate; the engine accepts titles of at most
    /// <see cref="ContentLimits.MaxTitleLength"/>, so that they also fit mail subjects.
    /// </summary>
    public const int Title = 300;

    /// <summary>A coordinator's reason or note (revoking, reissuing).</summary>
    public const int Note = 1000;
}
