using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Certificates;

/// <summary>The public verify lookup: a certificate's state and printed facts, nothing else about the person.</summary>
public sealed class CertificateVerifier(AppDbContext db)
{
    /// <summary>Finds the certificate by an already normalised code; null when no certificate has it.</summary>
    public Task<VerifiedCertificate?> FindAsync(string normalisedCode, CancellationToken cancellationToken) =>
        db.Certificates.AsNoTracking()
            .Where(c => c.VerificationCode == normalisedCode)
            .Select(c => new VerifiedCertificate(c.Status, c.FullName, c.CourseTitle, c.Credits, c.Hours, c.CompletedOn, c.IssuerName, c.SerialNumber, c.RevokedAtUtc, c.Language))
            .SingleOrDefaultAsync(cancellationToken);
}

public sealed record VerifiedCertificate(
    CertificateStatus Status, string FullName, string CourseTitle, decimal Credits, int Hours,
    DateOnly CompletedOn, string IssuerName, string SerialNumber, DateTime? RevokedAtUtc,
    // The certificate's own language: its course title and issuer are written in it, whatever the reader's UI.
    string Language);
