using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Learning;

internal sealed class TaskAnswerVersionConfiguration : IEntityTypeConfiguration<TaskAnswerVersion>
{
    public void Configure(EntityTypeBuilder<TaskAnswerVersion> e)
    {
        e.Property(x => x.Text).HasMaxLength(TaskLimits.MaxAnswerLength);
        e.HasIndex(x => new { x.TaskAnswerId, x.Number }).IsUnique();
        e.HasOne(x => x.Answer).WithMany().HasForeignKey(x => x.TaskAnswerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TaskFeedbackConfiguration : IEntityTypeConfiguration<TaskFeedback>
{
    public void Configure(EntityTypeBuilder<TaskFeedback> e)
    {
        e.Property(x => x.ByUserId).HasMaxLength(450);
        e.Property(x => x.Text).HasMaxLength(TaskLimits.MaxFeedbackLength);
        e.Property(x => x.CriteriaJson).HasMaxLength(TaskLimits.MaxCriteriaJsonLength);
        e.HasIndex(x => x.TaskAnswerId);
        e.HasOne<TaskAnswer>().WithMany().HasForeignKey(x => x.TaskAnswerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PeerReviewConfiguration : IEntityTypeConfiguration<PeerReview>
{
    public void Configure(EntityTypeBuilder<PeerReview> e)
    {
        e.Property(x => x.CourseId).HasMaxLength(FieldLengths.ContentId);
        e.Property(x => x.TaskId).HasMaxLength(FieldLengths.ContentId);
        e.Property(x => x.Text).HasMaxLength(TaskLimits.MaxPeerFeedbackLength);
        e.HasIndex(x => new { x.ReviewerUserId, x.TaskAnswerId }).IsUnique(); // one assignment per pair, whatever reloads race
        e.HasIndex(x => new { x.ReviewerUserId, x.CourseId, x.TaskId });
        e.HasIndex(x => x.TaskAnswerId);
        e.HasOne<TaskAnswer>().WithMany().HasForeignKey(x => x.TaskAnswerId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ReviewerUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
