using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses.Loading;

/// <summary>Collects problems for one course; paths are stored relative to the courses root.</summary>
internal sealed class ProblemList(string rootFolder)
{
    private readonly List<CourseProblem> _items = [];

    public IReadOnlyList<CourseProblem> Items => _items;

    public bool HasErrors => _items.Any(p => p.Severity == ProblemSeverity.Error);

    public void Error(string file, int line, string message) => Add(file, line, ProblemSeverity.Error, message);

    public void Warning(string file, int line, string message) => Add(file, line, ProblemSeverity.Warning, message);

    private void Add(string file, int line, ProblemSeverity severity, string message) =>
        _items.Add(new CourseProblem(Path.GetRelativePath(rootFolder, file).Replace('\\', '/'), Math.Max(1, line), severity, message));
}
