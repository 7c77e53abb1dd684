using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Learning;

internal sealed class EnrollmentConfiguration : IEntityTypeConfiguration<Enrollment>
{
    public void Configure(EntityTypeBuilder<Enrollment> e)
    {
        e.Property(x => x.CourseId).HasMaxLength(FieldLengths.ContentId);
        e.Property(x => x.LastLessonId).HasMaxLength(FieldLengths.ContentId);
        e.HasIndex(x => new { x.UserId, x.CourseId }).IsUnique();
        e.HasIndex(x => x.CourseId);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LessonCompletionConfiguration : IEntityTypeConfiguration<LessonCompletion>
{
    public void Configure(EntityTypeBuilder<LessonCompletion> e)
    {
        e.Property(x => x.CourseId).HasMaxLength(FieldLengths.ContentId);
        e.Property(x => x.LessonId).HasMaxLength(FieldLengths.ContentId);
        e.HasIndex(x => new { x.UserId, x.CourseId, x.LessonId }).IsUnique();
        // Reports read a whole course at once; with the lesson in the index they count without reading the table.
        e.HasIndex(x => new { x.CourseId, x.UserId, x.LessonId });
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuizAttemptConfiguration : IEntityTypeConfiguration<QuizAttempt>
{
    public void Configure(EntityTypeBuilder<QuizAttempt> e)
    {
        e.Property(x => x.CourseId).HasMaxLength(FieldLengths.ContentId);
        e.Property(x => x.QuizId).HasMaxLength(FieldLengths.ContentId);
        e.Property(x => x.QuizHash).HasMaxLength(FieldLengths.Sha256Hex);
        e.HasIndex(x => new { x.UserId, x.CourseId, x.QuizId });
        e.HasIndex(x => new { x.CourseId, x.UserId });
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuizResultConfiguration : IEntityTypeConfiguration<QuizResult>
{
    public void Configure(EntityTypeBuilder<QuizResult> e)
    {
        e.HasKey(x => new { x.UserId, x.CourseId, x.QuizId, x.QuizHash });
        e.Property(x => x.CourseId).HasMaxLength(FieldLengths.ContentId);
        e.Property(x => x.QuizId).HasMaxLength(FieldLengths.ContentId);
        e.Property(x => x.QuizHash).HasMaxLength(FieldLengths.Sha256Hex);
        // Reports count a whole course's passed quizzes per person and per quiz from the index alone.
        e.HasIndex(x => new { x.CourseId, x.UserId, x.QuizId, x.QuizHash, x.Passed });
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TaskAnswerConfiguration : IEntityTypeConfiguration<TaskAnswer>
{
    public void Configure(EntityTypeBuilder<TaskAnswer> e)
    {
        e.Property(x => x.CourseId).HasMaxLength(FieldLengths.ContentId);
        e.Property(x => x.TaskId).HasMaxLength(FieldLengths.ContentId);
        e.Property(x => x.Text).HasMaxLength(TaskLimits.MaxAnswerLength);
        e.Property(x => x.Feedback).HasMaxLength(TaskLimits.MaxFeedbackLength);
        e.HasIndex(x => new { x.UserId, x.CourseId, x.TaskId }).IsUnique();
        e.HasIndex(x => new { x.CourseId, x.SubmittedAtUtc });
        e.HasIndex(x => new { x.CourseId, x.TaskId, x.SubmittedAtUtc }); // peer assignment looks for a task's submitted answers
        e.HasIndex(x => new { x.CourseId, x.UserId, x.TaskId, x.SubmittedAtUtc, x.ReviewState }); // reports count per person from the index
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CourseCompletionConfiguration : IEntityTypeConfiguration<CourseCompletion>
{
    public void Configure(EntityTypeBuilder<CourseCompletion> e)
    {
        e.Property(x => x.CourseId).HasMaxLength(FieldLengths.ContentId);
        e.Property(x => x.ContentVersion).HasMaxLength(FieldLengths.Version);
        e.HasIndex(x => new { x.UserId, x.CourseId }).IsUnique();
        e.HasIndex(x => new { x.CourseId, x.CompletedAtUtc });
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
