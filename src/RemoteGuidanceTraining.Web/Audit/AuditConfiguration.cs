using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Audit;

internal sealed class AuditConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("AuditEntries");
        e.Property(x => x.Action).HasMaxLength(40);
        e.Property(x => x.ActorUserId).HasMaxLength(FieldLengths.UserId);
        e.Property(x => x.SubjectUserId).HasMaxLength(FieldLengths.UserId);
        e.Property(x => x.Details).HasMaxLength(AuditEntry.DetailsMaxLength);
        // No foreign keys to the users: an entry outlives the accounts it names, until retention removes it.
        e.HasIndex(x => x.AtUtc);
        e.HasIndex(x => x.SubjectUserId);
        e.HasIndex(x => x.ActorUserId);
    }
}
