namespace RemoteGuidanceTraining.Courses.Model;

/// <summary>A course's title and the language it is written in, as recorded when the course last loaded.</summary>
public sealed record CourseName(string Title, string Language);
