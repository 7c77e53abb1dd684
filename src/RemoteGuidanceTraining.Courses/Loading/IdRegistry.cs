using System.Text.RegularExpressions;
using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses.Loading;

/// <summary>Checks that ids are well-formed and unique within a course, per kind (module, lesson, quiz, question, task).</summary>
internal sealed partial class IdRegistry(ProblemList problems)
{
    private readonly Dictionary<(string Kind, string Id), (string File, int Line)> _seen = [];

    public static bool IsValid(string id) => ValidId().IsMatch(id);

    /// <summary>True when the id may be used; otherwise the problem is reported at this occurrence.</summary>
    public bool Register(string kind, string id, string file, int line)
    {
        if (string.IsNullOrEmpty(id))
        {
            problems.Error(file, line, ProblemCode.IdMissing, kind);
            return false;
        }

        if (!IsValid(id))
        {
            problems.Error(file, line, ProblemCode.IdInvalid, kind, id);
            return false;
        }

        if (id.Length > ContentLimits.MaxIdLength)
        {
            problems.Error(file, line, ProblemCode.IdTooLong, kind, id[..20], id.Length, ContentLimits.MaxIdLength);
            return false;
        }

        if (_seen.TryGetValue((kind, id), out var first))
        {
            problems.Error(file, line, ProblemCode.IdDuplicate, kind, id, Path.GetFileName(first.File), first.Line);
            return false;
        }

        _seen[(kind, id)] = (file, line);
        return true;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ValidId();
}
