using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Certificates;

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> c)
    {
        c.Property(x => x.SerialNumber).HasMaxLength(40);
        c.Property(x => x.VerificationCode).HasMaxLength(20).IsRequired();
        c.HasIndex(x => x.VerificationCode).IsUnique();
        c.Property(x => x.CourseId).HasMaxLength(100);
        c.Property(x => x.Language).HasMaxLength(5);
        c.Property(x => x.FullName).HasMaxLength(200);
        c.Property(x => x.CourseTitle).HasMaxLength(300);
        c.Property(x => x.Credits).HasPrecision(5, 1);
        c.Property(x => x.IssuerName).HasMaxLength(300);
        c.Property(x => x.SignatoryName).HasMaxLength(200);
        c.Property(x => x.SignatoryTitle).HasMaxLength(200);
        c.Property(x => x.ContentVersion).HasMaxLength(40);
        c.Property(x => x.PdfSha256).HasMaxLength(64);
        c.Property(x => x.RevokedReason).HasMaxLength(1000);
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
        e.Property(x => x.Action).HasMaxLength(20);
        e.Property(x => x.Note).HasMaxLength(1000);
        e.HasIndex(x => x.CertificateId);
        e.HasOne<Certificate>().WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Cascade);
    }
}
