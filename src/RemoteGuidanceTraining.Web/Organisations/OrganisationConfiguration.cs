using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Organisations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> o)
    {
        o.Property(x => x.Name).HasMaxLength(Organisation.NameMaxLength).IsRequired();
        o.Property(x => x.Region).HasMaxLength(FieldLengths.Region);
        o.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class OrganisationDomainConfiguration : IEntityTypeConfiguration<OrganisationDomain>
{
    public void Configure(EntityTypeBuilder<OrganisationDomain> d)
    {
        d.Property(x => x.Domain).HasMaxLength(OrganisationDomain.MaxLength).IsRequired();
        d.HasIndex(x => x.Domain).IsUnique();
        d.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CoordinatorAssignmentConfiguration : IEntityTypeConfiguration<CoordinatorAssignment>
{
    public void Configure(EntityTypeBuilder<CoordinatorAssignment> a)
    {
        a.Property(x => x.Region).HasMaxLength(FieldLengths.Region);
        a.HasIndex(x => new { x.UserId, x.RemovedAtUtc });
        a.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        a.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
