using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RemoteGuidanceTraining.Web.Data;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> user)
    {
        user.Property(u => u.FullName).HasMaxLength(FieldLengths.Name).IsRequired();
        user.Property(u => u.Organisation).HasMaxLength(FieldLengths.Name);
        user.Property(u => u.Region).HasMaxLength(FieldLengths.Region);
        user.Property(u => u.SelfReportedOrganisation).HasMaxLength(FieldLengths.Name);
        user.Property(u => u.MembershipSource).HasMaxLength(FieldLengths.Kind);
        user.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        user.Property(u => u.PreferredLanguage).HasMaxLength(FieldLengths.Language).IsRequired();
        user.HasIndex(u => u.Organisation);
        user.HasIndex(u => u.Region);
    }
}
