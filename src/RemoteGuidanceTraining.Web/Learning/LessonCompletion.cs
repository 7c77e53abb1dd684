namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>A lesson marked done. Keyed by lesson id alone (unique within a course), so moving a lesson between modules keeps it.</summary>
public class LessonCompletion
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public string CourseId { get; set; } = "";

    public string LessonId { get; set; } = "";

    public DateTime CompletedAtUtc { get; set; }
}
