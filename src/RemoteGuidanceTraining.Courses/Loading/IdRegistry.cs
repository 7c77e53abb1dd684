using System.Text.RegularExpressions;

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
            problems.Error(file, line, $"The {kind} needs an id after the keyword, e.g. '{kind} my-{kind}-1'.");
            return false;
        }

        if (!IsValid(id))
        {
            problems.Error(file, line, $"Invalid {kind} id '{id}': use lowercase letters a-z, digits and '-'.");
            return false;
        }

        if (id.Length > ContentLimits.MaxIdLength)
        {
            problems.Error(file, line, TooLong(kind, id));
            return false;
        }

        if (_seen.TryGetValue((kind, id), out var first))
        {
            problems.Error(file, line, $"Duplicate {kind} id '{id}' (first used in {Path.GetFileName(first.File)}:{first.Line}).");
            return false;
        }

        _seen[(kind, id)] = (file, line);
        return true;
    }

    /// <summary>The problem for an id longer than <see cref="ContentLimits.MaxIdLength"/>, shown with its start only.</summary>
    public static string TooLong(string kind, string id) =>
        $"The {kind} id '{id[..20]}…' has {id.Length} characters: an id may have at most {ContentLimits.MaxIdLength} " +
        "(progress is stored against it). Shorten it; participants' progress on the old id does not carry over.";

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ValidId();
}
