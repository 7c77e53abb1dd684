namespace RemoteGuidanceTraining.Courses.Model;

public enum ProblemSeverity
{
    Warning,
    Error,
}

/// <summary>
/// One thing wrong in a course file, at a 1-based line. <see cref="Code"/> and <see cref="Arguments"/> let the site
/// say it in the reader's language; <see cref="Message"/> is the English text for logs and the validate-courses
/// command. <see cref="Detail"/> is a library's own text (the YAML parser's, an exception's), English, shown only
/// as a secondary hint where no plain advice fits.
/// </summary>
public sealed record CourseProblem(string File, int Line, ProblemSeverity Severity, ProblemCode Code, IReadOnlyList<string> Arguments, string? Detail = null)
{
    public string Message => ProblemTexts.English(Code, Arguments) + (Detail is null ? "" : $" ({Detail})");

    /// <summary>Relative path with forward slashes, e.g. "etaohjaus/01-kanavat/02-chat.md:14: error: ...".</summary>
    public override string ToString() => $"{File}:{Line}: {(Severity == ProblemSeverity.Error ? "error" : "warning")}: {Message}";
}
