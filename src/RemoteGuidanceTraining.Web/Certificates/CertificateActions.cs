using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;

namespace RemoteGuidanceTraining.Web.Certificates;

/// <summary>What coordinators and admins may do to an issued certificate. Each action is recorded with who and when.</summary>
public sealed class CertificateActions(AppDbContext db, CertificateIssuer issuer, CertificateMails mails, OutboxSignal signal, Audit.AuditLog audit, TimeProvider clock)
{
    /// <summary>Sends the stored PDF again (a new message; the certificate itself is unchanged).</summary>
    public async Task ResendAsync(Certificate certificate, string byUserId)
    {
        var user = await db.Users.SingleAsync(u => u.Id == certificate.UserId);
        mails.EnqueueCertificate(user, certificate);
        db.CertificateEvents.Add(new CertificateEvent { CertificateId = certificate.Id, Action = "Resent", ByUserId = byUserId });
        await db.SaveChangesAsync();
        signal.Notify();
    }

    /// <summary>
    /// Issues a new certificate with the person's current name (after a correction) and the same course facts;
    /// the old one shows "replaced" on the verification page.
    /// </summary>
    public async Task<Certificate> ReissueAsync(Certificate old, string byUserId, string? note)
    {
        var user = await db.Users.SingleAsync(u => u.Id == old.UserId);
        await using var transaction = await db.Database.BeginTransactionAsync();
        old.Status = CertificateStatus.Replaced;
        await db.SaveChangesAsync(); // frees the one-valid-certificate slot for the new one
        var facts = new CourseFacts(old.CourseId, old.CourseTitle, old.Language, old.Credits, old.Hours,
            JsonSerializer.Deserialize<List<string>>(old.OutcomesJson) ?? [], old.IssuerName, old.SignatoryName, old.SignatoryTitle, old.ContentVersion);
        var replacement = await issuer.IssueAsync(user, facts, old.CompletedAtUtc, byUserId, "Reissued", replaces: old, reason: note);
        old.ReplacedByCertificateId = replacement.Id;
        db.CertificateEvents.Add(new CertificateEvent { CertificateId = old.Id, Action = "Replaced", ByUserId = byUserId, Note = note });
        audit.Record(Audit.AuditActions.CertificateReissued, old.UserId, $"{old.SerialNumber} -> {replacement.SerialNumber}", byUserId);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        signal.Notify();
        return replacement;
    }

    public async Task RevokeAsync(Certificate certificate, string byUserId, string reason)
    {
        certificate.Status = CertificateStatus.Revoked;
        certificate.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
        certificate.RevokedReason = reason;
        db.CertificateEvents.Add(new CertificateEvent { CertificateId = certificate.Id, Action = "Revoked", ByUserId = byUserId, Note = reason });
        audit.Record(Audit.AuditActions.CertificateRevoked, certificate.UserId, certificate.SerialNumber, byUserId);
        // A deleted account has no address to tell: the revocation shows on /verify only.
        var holder = await db.Users.SingleAsync(u => u.Id == certificate.UserId);
        if (!Privacy.AccountDeletion.IsStub(holder))
        {
            mails.EnqueueRevocation(holder, certificate); // commits with the revocation
        }

        await db.SaveChangesAsync();
        signal.Notify();
    }
}
