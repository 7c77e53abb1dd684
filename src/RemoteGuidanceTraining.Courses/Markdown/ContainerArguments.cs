namespace RemoteGuidanceTraining.Courses.Markdown;

/// <summary>The words after a container keyword: an id first, then key=value options (`type=text`, `minlength=600`).</summary>
internal sealed record ContainerArguments(string Id, IReadOnlyDictionary<string, string> Options)
{
    public static ContainerArguments Parse(string? arguments)
    {
        var words = (arguments ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var id = words.FirstOrDefault(w => !w.Contains('=', StringComparison.Ordinal)) ?? "";
        var options = words.Where(w => w.Contains('=', StringComparison.Ordinal))
            .Select(w => w.Split('=', 2))
            .GroupBy(p => p[0].ToLowerInvariant())
            .ToDictionary(g => g.Key, g => g.Last()[1]);
        return new ContainerArguments(id, options);
    }
}
