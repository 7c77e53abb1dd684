namespace RemoteGuidanceTraining.Courses.Model;

/// <summary>One course folder read: the course when it has no errors, and every problem found in it.</summary>
public sealed record CourseLoadResult(Course? Course, IReadOnlyList<CourseProblem> Problems);
