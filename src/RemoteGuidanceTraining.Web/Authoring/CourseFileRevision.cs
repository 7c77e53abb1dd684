using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Authoring;

/// <summary>
/// One saved version of a course file, written by the workspace with its author and time (see README Decisions:
/// revisions live in the database, the files on disk stay the source of truth).
/// </summary>
public class CourseFileRevision
{
    public const int MaxContentLength = 200_000;

    public int Id { get; set; }

    public string CourseId { get; set; } = "";

    /// <summary>Path inside the course folder, forward slashes, e.g. "01-alku/02-oma-tyo.md".</summary>
    public string Path { get; set; } = "";

    public string Content { get; set; } = "";

    public string ContentHash { get; set; } = "";

    /// <summary>Null for the version found on disk before the workspace first saved the file.</summary>
    public string? AuthorId { get; set; }

    /// <summary>Empty once the author's account is deleted (<see cref="Privacy.AccountDeletion"/>); pages then say "a deleted user".</summary>
    public string AuthorName { get; set; } = "";

    /// <summary>save, create, restore, publish or baseline (the file as it was on disk).</summary>
    public string Action { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class CourseFileRevisionConfiguration : IEntityTypeConfiguration<CourseFileRevision>
{
    public void Configure(EntityTypeBuilder<CourseFileRevision> builder)
    {
        builder.ToTable("CourseFileRevisions");
        builder.Property(r => r.CourseId).HasMaxLength(FieldLengths.ContentId);
        builder.Property(r => r.Path).HasMaxLength(CoursePaths.MaxPathLength);
        builder.Property(r => r.Content).HasMaxLength(CourseFileRevision.MaxContentLength);
        builder.Property(r => r.ContentHash).HasMaxLength(64);
        builder.Property(r => r.AuthorId).HasMaxLength(450);
        builder.Property(r => r.AuthorName).HasMaxLength(200);
        builder.Property(r => r.Action).HasMaxLength(20);
        builder.HasIndex(r => new { r.CourseId, r.Path, r.CreatedAtUtc });
    }
}
