using System.Globalization;
using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses.Loading;

/// <summary>Collects problems for one course; paths are stored relative to the courses root.</summary>
internal sealed class ProblemList(string rootFolder)
{
    private readonly List<CourseProblem> _items = [];

    public IReadOnlyList<CourseProblem> Items => _items;

    public bool HasErrors => _items.Any(p => p.Severity == ProblemSeverity.Error);

    public void Error(string file, int line, ProblemCode code, params object[] arguments) => Add(file, line, ProblemSeverity.Error, code, arguments, null);

    public void Warning(string file, int line, ProblemCode code, params object[] arguments) => Add(file, line, ProblemSeverity.Warning, code, arguments, null);

    /// <summary>An error whose <paramref name="detail"/> (a library's own English text) goes with the plain advice.</summary>
    public void ErrorWithDetail(string file, int line, string detail, ProblemCode code, params object[] arguments) =>
        Add(file, line, ProblemSeverity.Error, code, arguments, detail);

    // Arguments are file text (ids, values, paths) and limits: formatted invariantly, as they are written in the files.
    private void Add(string file, int line, ProblemSeverity severity, ProblemCode code, object[] arguments, string? detail) =>
        _items.Add(new CourseProblem(Path.GetRelativePath(rootFolder, file).Replace('\\', '/'), Math.Max(1, line), severity, code,
            arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? "").ToList(), detail));
}
