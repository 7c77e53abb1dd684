using System.Text.RegularExpressions;

namespace RemoteGuidanceTraining.Courses.Loading;

/// <summary>"03-kanavat" → order 3, id "kanavat". The number orders things and is not part of the id.</summary>
internal static partial class OrderedName
{
    public static (int Order, string Id)? Parse(string name)
    {
        var match = Pattern().Match(name);
        return match.Success ? (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value) : null;
    }

    public static bool IsIgnored(string name) => name.StartsWith('_') || name.StartsWith('.');

    [GeneratedRegex(@"^(\d{1,3})-(.+)$")]
    private static partial Regex Pattern();
}
