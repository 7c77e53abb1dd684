using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RemoteGuidanceTraining.Web.Data;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> user)
    {
        user.Property(u => u.FullName).HasMaxLength(200).IsRequired();
        user.Property(u => u.Organisation).HasMaxLength(200);
        user.Property(u => u.Region).HasMaxLength(40);
        user.Property(u => u.SelfReportedOrganisation).HasMaxLength(200);
        user.Property(u => u.MembershipSource).HasMaxLength(20);
        user.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        user.Property(u => u.PreferredLanguage).HasMaxLength(5).IsRequired();
        user.HasIndex(u => u.Organisation);
        user.HasIndex(u => u.Region);
    }
}
