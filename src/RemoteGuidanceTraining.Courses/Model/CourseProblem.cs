namespace RemoteGuidanceTraining.Courses.Model;

public enum ProblemSeverity
{
    Warning,
    Error,
}

/// <summary>One thing wrong in a course file, at a 1-based line, with a message a trainer understands.</summary>
public sealed record CourseProblem(string File, int Line, ProblemSeverity Severity, string Message)
{
    /// <summary>Relative path with forward slashes, e.g. "etaohjaus/01-kanavat/02-chat.md:14: error: ...".</summary>
    public override string ToString() => $"{File}:{Line}: {(Severity == ProblemSeverity.Error ? "error" : "warning")}: {Message}";
}
