namespace RemoteGuidanceTraining.Courses.Markdown;

/// <summary>Callout titles in the course's language; authors write the GitHub keywords ([!NOTE]), readers see their own words.</summary>
internal static class CalloutTitles
{
    private static readonly Dictionary<string, Dictionary<string, string>> _titles = new()
    {
        ["fi"] = new() { ["NOTE"] = "Huomio", ["TIP"] = "Vinkki", ["IMPORTANT"] = "Tärkeää", ["WARNING"] = "Varoitus", ["CAUTION"] = "Varo" },
        ["sv"] = new() { ["NOTE"] = "Observera", ["TIP"] = "Tips", ["IMPORTANT"] = "Viktigt", ["WARNING"] = "Varning", ["CAUTION"] = "Akta" },
        ["en"] = new() { ["NOTE"] = "Note", ["TIP"] = "Tip", ["IMPORTANT"] = "Important", ["WARNING"] = "Warning", ["CAUTION"] = "Caution" },
    };

    public static string For(string language, string kind) =>
        _titles.GetValueOrDefault(language)?.GetValueOrDefault(kind.ToUpperInvariant()) ?? kind;
}
