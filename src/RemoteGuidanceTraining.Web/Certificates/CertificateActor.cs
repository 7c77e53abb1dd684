using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Privacy;

namespace RemoteGuidanceTraining.Web.Certificates;

/// <summary>
/// Who changed a certificate, as pages name them: the person's current name, or, when their account has since been
/// deleted, only that (pages say "a deleted user"; a stub's empty name would read as "()").
/// </summary>
public sealed record CertificateActor(string Name, bool AccountDeleted)
{
    /// <summary>
    /// Null when nobody acted (the system issued it). An id whose row is gone (deleted, no certificates of their
    /// own) or is a stub (<see cref="AccountDeletion.IsStub"/>) is a deleted account.
    /// </summary>
    public static CertificateActor? Of(string? byUserId, AppUser? user) =>
        byUserId is null ? null
        : user is null || AccountDeletion.IsStub(user) ? new CertificateActor("", AccountDeleted: true)
        : new CertificateActor(user.FullName, AccountDeleted: false);
}
