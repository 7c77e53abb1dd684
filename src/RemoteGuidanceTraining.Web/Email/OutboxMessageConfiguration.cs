using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RemoteGuidanceTraining.Web.Email;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("OutboxMessages");
        message.Property(m => m.MessageId).HasMaxLength(250).IsRequired();
        message.HasIndex(m => m.MessageId).IsUnique();
        message.Property(m => m.ToAddress).HasMaxLength(256).IsRequired();
        message.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength).IsRequired();
        message.Property(m => m.Category).HasMaxLength(40).IsRequired();
        message.Property(m => m.LastError).HasMaxLength(OutboxMessage.LastErrorMaxLength);
        message.Property(m => m.SubjectType).HasMaxLength(40);
        message.Property(m => m.SubjectId).HasMaxLength(64);
        message.HasIndex(m => new { m.SubjectType, m.SubjectId });
        message.Ignore(m => m.Status);
        // The dispatcher's query: unsent, not given up, due.
        message.HasIndex(m => new { m.SentAtUtc, m.FailedAtUtc, m.NextAttemptAtUtc });
    }
}
