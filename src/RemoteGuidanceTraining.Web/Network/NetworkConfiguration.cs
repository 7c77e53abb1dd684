using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RemoteGuidanceTraining.Web.Data;
using static RemoteGuidanceTraining.Web.Network.NetworkVocabulary;

namespace RemoteGuidanceTraining.Web.Network;

internal sealed class NetworkRegionConfiguration : IEntityTypeConfiguration<NetworkRegion>
{
    public void Configure(EntityTypeBuilder<NetworkRegion> r)
    {
        r.Property(x => x.Code).HasMaxLength(AreaNames.CodeLength).IsRequired();
        r.Property(x => x.Name).HasMaxLength(AreaNames.NameLength).IsRequired();
        r.Property(x => x.NameSv).HasMaxLength(AreaNames.NameLength);
        r.Property(x => x.NameEn).HasMaxLength(AreaNames.NameLength);
        r.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class NetworkGroupConfiguration : IEntityTypeConfiguration<NetworkGroup>
{
    public void Configure(EntityTypeBuilder<NetworkGroup> g)
    {
        g.Property(x => x.Code).HasMaxLength(AreaNames.CodeLength).IsRequired();
        g.Property(x => x.Name).HasMaxLength(AreaNames.NameLength).IsRequired();
        g.Property(x => x.NameSv).HasMaxLength(AreaNames.NameLength);
        g.Property(x => x.NameEn).HasMaxLength(AreaNames.NameLength);
        g.HasIndex(x => x.Code).IsUnique();
        g.HasOne(x => x.Region).WithMany(x => x.Groups).HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NetworkGroupMemberConfiguration : IEntityTypeConfiguration<NetworkGroupMember>
{
    public void Configure(EntityTypeBuilder<NetworkGroupMember> m)
    {
        m.ToTable("NetworkGroupMembers");
        m.HasKey(x => new { x.GroupId, x.MunicipalityId });
        m.HasOne(x => x.Group).WithMany(x => x.Members).HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
        m.HasOne(x => x.Municipality).WithMany(x => x.Groups).HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NetworkMunicipalityConfiguration : IEntityTypeConfiguration<NetworkMunicipality>
{
    public void Configure(EntityTypeBuilder<NetworkMunicipality> m)
    {
        m.Property(x => x.Code).HasMaxLength(AreaNames.CodeLength).IsRequired();
        m.Property(x => x.Name).HasMaxLength(AreaNames.NameLength).IsRequired();
        m.Property(x => x.NameSv).HasMaxLength(AreaNames.NameLength);
        m.HasIndex(x => x.Code).IsUnique();
        // Restrict: a municipality someone calls home cannot vanish under their profile.
        m.HasOne(x => x.Region).WithMany(x => x.Municipalities).HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NetworkProfileConfiguration : IEntityTypeConfiguration<NetworkProfile>
{
    public void Configure(EntityTypeBuilder<NetworkProfile> p)
    {
        p.Property(x => x.UserId).IsRequired();
        p.Property(x => x.DisplayName).HasMaxLength(DisplayNameLength).IsRequired();
        p.Property(x => x.Title).HasMaxLength(TitleLength).IsRequired();
        p.Property(x => x.Organisation).HasMaxLength(OrganisationLength).IsRequired();
        p.Property(x => x.PublicContact).HasMaxLength(ContactLength).IsRequired();
        p.Property(x => x.OtherLanguages).HasMaxLength(OtherLanguagesLength);
        p.HasIndex(x => x.UserId).IsUnique();
        p.HasIndex(x => x.HiddenAtUtc);
        // Deleting the account deletes the profile: nothing of a person stays published after they are gone.
        p.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        p.HasOne(x => x.HomeMunicipality).WithMany().HasForeignKey(x => x.HomeMunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NetworkProfileMunicipalityConfiguration : IEntityTypeConfiguration<NetworkProfileMunicipality>
{
    public void Configure(EntityTypeBuilder<NetworkProfileMunicipality> s)
    {
        s.ToTable("NetworkProfileMunicipalities");
        s.HasKey(x => new { x.ProfileId, x.MunicipalityId });
        s.HasOne<NetworkProfile>().WithMany(x => x.Served).HasForeignKey(x => x.ProfileId).OnDelete(DeleteBehavior.Cascade);
        s.HasOne(x => x.Municipality).WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NetworkProfileTagConfiguration : IEntityTypeConfiguration<NetworkProfileTag>
{
    public void Configure(EntityTypeBuilder<NetworkProfileTag> t)
    {
        t.ToTable("NetworkProfileTags");
        t.HasKey(x => new { x.ProfileId, x.Kind, x.Code });
        t.Property(x => x.Kind).HasMaxLength(FieldLengths.Kind);
        t.Property(x => x.Code).HasMaxLength(TagCodeLength);
        t.HasIndex(x => new { x.Kind, x.Code });
        t.HasOne<NetworkProfile>().WithMany(x => x.Tags).HasForeignKey(x => x.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NetworkProfileChannelConfiguration : IEntityTypeConfiguration<NetworkProfileChannel>
{
    public void Configure(EntityTypeBuilder<NetworkProfileChannel> c)
    {
        c.ToTable("NetworkProfileChannels");
        c.HasKey(x => new { x.ProfileId, x.Channel });
        c.Property(x => x.Channel).HasMaxLength(FieldLengths.Kind);
        c.Property(x => x.Hours).HasMaxLength(HoursLength).IsRequired();
        c.HasOne<NetworkProfile>().WithMany(x => x.Channels).HasForeignKey(x => x.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}
