using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;

namespace RemoteGuidanceTraining.Web.Certificates;

/// <summary>
/// What coordinators and admins may do to an issued certificate. Each action is recorded with who and when. A change
/// of status is made conditional in the database (UPDATE … WHERE Status = …), not checked in memory: of two requests
/// at the same moment (two tabs, two coordinators, a retry) exactly one changes it and the other is told who did.
/// </summary>
public sealed class CertificateActions(AppDbContext db, CertificateIssuer issuer, CertificateMails mails, OutboxSignal signal, Audit.AuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// Sends the stored PDF again (a new message; the certificate itself is unchanged). A corrected certificate, or one
    /// issued after a revocation, goes again as such, naming the one it followed, not with first-issue congratulations;
    /// the coordinator's note was for the first mail and is not repeated.
    /// </summary>
    public async Task ResendAsync(Certificate certificate, string byUserId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.SingleAsync(u => u.Id == certificate.UserId, cancellationToken);
        var replaced = await db.Certificates.AsNoTracking()
            .Where(c => c.ReplacedByCertificateId == certificate.Id && (c.Status == CertificateStatus.Replaced || c.Status == CertificateStatus.Revoked))
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        mails.EnqueueCertificate(user, certificate, replaces: replaced);
        db.CertificateEvents.Add(new CertificateEvent { CertificateId = certificate.Id, Action = "Resent", ByUserId = byUserId });
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
    }

    /// <summary>
    /// Issues a new certificate with the person's current name (after a correction) and the same course facts;
    /// the old one shows "replaced" on the verification page.
    /// </summary>
    public async Task<CertificateChange> ReissueAsync(Certificate old, string byUserId, string? note, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.SingleAsync(u => u.Id == old.UserId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Frees the one-valid-certificate slot for the new one, if nobody else took the old one first.
        var taken = await db.Certificates.Where(c => c.Id == old.Id && c.Status == CertificateStatus.Valid)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CertificateStatus.Replaced), cancellationToken);
        if (taken != 1)
        {
            return await ChangedMeanwhileAsync(old.Id, cancellationToken);
        }

        await db.Entry(old).ReloadAsync(cancellationToken);
        var replacement = await issuer.IssueAsync(user, FactsOf(old), old.CompletedAtUtc, byUserId, "Reissued", cancellationToken, replaces: old, reason: note);
        old.ReplacedByCertificateId = replacement.Id;
        db.CertificateEvents.Add(new CertificateEvent { CertificateId = old.Id, Action = "Replaced", ByUserId = byUserId, Note = note });
        audit.Record(Audit.AuditActions.CertificateReissued, old.UserId, $"{old.SerialNumber} -> {replacement.SerialNumber}", byUserId);
        return await CommitAsync(transaction, replacement.Id, cancellationToken);
    }

    public async Task<CertificateChange> RevokeAsync(Certificate certificate, string byUserId, string reason, CancellationToken cancellationToken = default)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var taken = await db.Certificates.Where(c => c.Id == certificate.Id && c.Status == CertificateStatus.Valid)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CertificateStatus.Revoked).SetProperty(c => c.RevokedAtUtc, at).SetProperty(c => c.RevokedReason, reason), cancellationToken);
        if (taken != 1)
        {
            return await ChangedMeanwhileAsync(certificate.Id, cancellationToken);
        }

        await db.Entry(certificate).ReloadAsync(cancellationToken);
        db.CertificateEvents.Add(new CertificateEvent { CertificateId = certificate.Id, Action = "Revoked", ByUserId = byUserId, Note = reason });
        audit.Record(Audit.AuditActions.CertificateRevoked, certificate.UserId, certificate.SerialNumber, byUserId);
        // A deleted account has no address to tell: the revocation shows on /verify only.
        var holder = await db.Users.SingleAsync(u => u.Id == certificate.UserId, cancellationToken);
        if (!Privacy.AccountDeletion.IsStub(holder))
        {
            mails.EnqueueRevocation(holder, certificate, at); // commits with the revocation
        }

        return await CommitAsync(transaction, certificate.Id, cancellationToken);
    }

    /// <summary>
    /// A revocation is not a dead end (revoked by mistake, or the completion was confirmed after all): a new valid
    /// certificate with a new code and the person's current name. The revoked code stays revoked on the verification
    /// page; the revoked certificate points to its successor, and only one new certificate can follow it.
    /// </summary>
    public async Task<CertificateChange> IssueAfterRevocationAsync(Certificate revoked, string byUserId, string? note, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.SingleAsync(u => u.Id == revoked.UserId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Certificate replacement;
        try
        {
            replacement = await issuer.IssueAsync(user, FactsOf(revoked), revoked.CompletedAtUtc, byUserId, "Reissued", cancellationToken, replaces: revoked, reason: note);
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            // Another request issued a valid certificate for this person and course first: theirs stands.
            return await TakeBackAsync(transaction, revoked.Id, cancellationToken);
        }

        var linked = await db.Certificates
            .Where(c => c.Id == revoked.Id && c.Status == CertificateStatus.Revoked && c.ReplacedByCertificateId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReplacedByCertificateId, replacement.Id), cancellationToken);
        if (linked != 1)
        {
            return await TakeBackAsync(transaction, revoked.Id, cancellationToken);
        }

        db.CertificateEvents.Add(new CertificateEvent { CertificateId = revoked.Id, Action = "NewIssued", ByUserId = byUserId, Note = note });
        audit.Record(Audit.AuditActions.CertificateReissued, revoked.UserId, $"{revoked.SerialNumber} -> {replacement.SerialNumber}", byUserId);
        return await CommitAsync(transaction, replacement.Id, cancellationToken);
    }

    private static CourseFacts FactsOf(Certificate c) => new(c.CourseId, c.CourseTitle, c.Language, c.Credits, c.Hours,
        JsonSerializer.Deserialize<List<string>>(c.OutcomesJson) ?? [], c.IssuerName, c.SignatoryName, c.SignatoryTitle, c.ContentVersion);

    /// <summary>Saves and commits the change, wakes the mail dispatcher for the mail it carries, and shows <paramref name="showId"/>.</summary>
    private async Task<CertificateChange> CommitAsync(IDbContextTransaction transaction, int showId, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Notify();
        return CertificateChange.Made(showId);
    }

    /// <summary>Another request came first: nothing of this one stays, and the answer says what that request did.</summary>
    private async Task<CertificateChange> TakeBackAsync(IDbContextTransaction transaction, int id, CancellationToken cancellationToken)
    {
        await transaction.RollbackAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return await ChangedMeanwhileAsync(id, cancellationToken);
    }

    /// <summary>Refused: tells what the request that came first did, and who, from the certificate's latest event.</summary>
    private async Task<CertificateChange> ChangedMeanwhileAsync(int id, CancellationToken cancellationToken)
    {
        // The actor's whole row, so that CertificateActor applies the stub rule in C#.
        var latest = await (from e in db.CertificateEvents.AsNoTracking()
                            where e.CertificateId == id && e.Action != "Resent"
                            join u in db.Users.AsNoTracking() on e.ByUserId equals u.Id into actors
                            from u in actors.DefaultIfEmpty()
                            orderby e.Id descending
                            select new { e.Action, e.ByUserId, User = u }).FirstOrDefaultAsync(cancellationToken);
        return new CertificateChange(Done: false, id, latest?.Action, latest is null ? null : CertificateActor.Of(latest.ByUserId, latest.User));
    }
}

/// <summary>
/// What came of a change: the certificate to show next (the new one after a reissue), or, when another request
/// changed it first, that request's action (an event name, as in the history) and who made it.
/// </summary>
public sealed record CertificateChange(bool Done, int ShowId, string? MeanwhileAction = null, CertificateActor? MeanwhileBy = null)
{
    public static CertificateChange Made(int showId) => new(Done: true, showId);
}
