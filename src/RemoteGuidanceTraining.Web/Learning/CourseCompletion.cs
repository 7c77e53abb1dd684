using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>
/// Recorded once, at the moment the last requirement is met. A unique index on (user, course) makes a second,
/// concurrent recording fail instead of duplicating; later content changes never undo it.
/// </summary>
public class CourseCompletion : IPersonInCourse
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public string CourseId { get; set; } = "";

    public DateTime CompletedAtUtc { get; set; }

    /// <summary>The course.yml version the participant completed.</summary>
    public string ContentVersion { get; set; } = "";
}
