using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RemoteGuidanceTraining.Courses;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Certificates;

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> c)
    {
        c.Property(x => x.SerialNumber).HasMaxLength(FieldLengths.Version);
        c.Property(x => x.VerificationCode).HasMaxLength(FieldLengths.Kind).IsRequired();
        c.HasIndex(x => x.VerificationCode).IsUnique();
        c.Property(x => x.CourseId).HasMaxLength(FieldLengths.ContentId);
        c.Property(x => x.Language).HasMaxLength(FieldLengths.Language);
        c.Property(x => x.FullName).HasMaxLength(FieldLengths.Name);
        c.Property(x => x.CourseTitle).HasMaxLength(FieldLengths.Title);
        c.Property(x => x.Credits).HasPrecision(ContentLimits.CreditsPrecision, ContentLimits.CreditsScale);
        c.Property(x => x.IssuerName).HasMaxLength(CertificateOptions.MaxIssuerLength);
        c.Property(x => x.SignatoryName).HasMaxLength(CertificateOptions.MaxSignatoryLength);
        c.Property(x => x.SignatoryTitle).HasMaxLength(CertificateOptions.MaxSignatoryLength);
        c.Property(x => x.ContentVersion).HasMaxLength(FieldLengths.Version);
        c.Property(x => x.PdfSha256).HasMaxLength(FieldLengths.Sha256Hex);
        c.Property(x => x.RevokedReason).HasMaxLength(FieldLengths.Note);
        // Exactly one valid certificate per person and course, whatever the concurrency: the database enforces it.
        // The filter is plain SQL that SQLite and PostgreSQL both accept.
        c.HasIndex(x => new { x.UserId, x.CourseId }).IsUnique().HasFilter("\"Status\" = 0").HasDatabaseName("IX_Certificates_OneValid");
        c.HasIndex(x => new { x.CourseId, x.UserId });
        c.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CertificateEventConfiguration : IEntityTypeConfiguration<CertificateEvent>
{
    public void Configure(EntityTypeBuilder<CertificateEvent> e)
    {
        e.Property(x => x.Action).HasMaxLength(FieldLengths.Kind);
        e.Property(x => x.Note).HasMaxLength(FieldLengths.Note);
        e.HasIndex(x => x.CertificateId);
        e.HasOne<Certificate>().WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Cascade);
    }
}
