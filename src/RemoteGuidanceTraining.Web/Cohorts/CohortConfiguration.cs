using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Cohorts;

internal sealed class CohortConfiguration : IEntityTypeConfiguration<Cohort>
{
    public void Configure(EntityTypeBuilder<Cohort> c)
    {
        c.Property(x => x.Name).HasMaxLength(FieldLengths.Name).IsRequired();
        c.Property(x => x.CourseId).HasMaxLength(FieldLengths.ContentId);
        c.Property(x => x.Organisation).HasMaxLength(FieldLengths.Name);
        c.Property(x => x.Region).HasMaxLength(FieldLengths.Region);
        c.HasIndex(x => x.OrganisationId);
        c.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        c.HasIndex(x => x.Region);
    }
}

internal sealed class CohortMemberConfiguration : IEntityTypeConfiguration<CohortMember>
{
    public void Configure(EntityTypeBuilder<CohortMember> m)
    {
        m.HasIndex(x => new { x.CohortId, x.UserId }).IsUnique();
        m.Property(x => x.InvitedName).HasMaxLength(FieldLengths.Name);
        m.HasOne(x => x.Cohort).WithMany().HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Cascade);
        m.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
