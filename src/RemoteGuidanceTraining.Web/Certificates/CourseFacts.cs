namespace RemoteGuidanceTraining.Web.Certificates;

/// <summary>What a certificate needs to know about a course, taken from the catalog at the moment of completion.</summary>
public sealed record CourseFacts(
    string CourseId,
    string Title,
    string Language,
    decimal Credits,
    int Hours,
    IReadOnlyList<string> Outcomes,
    string IssuerName,
    string SignatoryName,
    string? SignatoryTitle,
    string Version);
