using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>A participant taking a course. Everything below is stored against course/lesson/quiz/task ids, never file order.</summary>
public class Enrollment : IPersonInCourse
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public string CourseId { get; set; } = "";

    public DateTime EnrolledAtUtc { get; set; }

    /// <summary>Last lesson opened, quiz answered or task saved: "continue where you left off" and reports use it.</summary>
    public DateTime LastActivityAtUtc { get; set; }

    public string? LastLessonId { get; set; }
}
