using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Courses;

/// <summary>
/// A course's title and language as it last loaded, kept in the database so that a course whose folder is gone or
/// broken is still called by its name after a restart, wherever people have records in it (see
/// <see cref="CourseNameRecord"/>).
/// </summary>
public sealed class RecordedCourseName
{
    public required string CourseId { get; init; }

    public required string Title { get; set; }

    public required string Language { get; set; }
}

internal sealed class RecordedCourseNameConfiguration : IEntityTypeConfiguration<RecordedCourseName>
{
    public void Configure(EntityTypeBuilder<RecordedCourseName> n)
    {
        n.ToTable("CourseNames");
        n.HasKey(x => x.CourseId);
        n.Property(x => x.CourseId).HasMaxLength(FieldLengths.ContentId);
        n.Property(x => x.Title).HasMaxLength(FieldLengths.Title);
        n.Property(x => x.Language).HasMaxLength(FieldLengths.Language);
    }
}
