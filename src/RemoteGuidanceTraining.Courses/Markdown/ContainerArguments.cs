using System.Text;

namespace RemoteGuidanceTraining.Courses.Markdown;

/// <summary>
/// The words after a container keyword: an id first, then key=value options (`type=text`, `minlength=600`,
/// `title="Oman palvelun kanavakartta"`). A value in double quotes may contain spaces.
/// </summary>
internal sealed record ContainerArguments(string Id, IReadOnlyDictionary<string, string> Options, bool UnclosedQuote)
{
    public static ContainerArguments Parse(string? arguments)
    {
        var (words, unclosedQuote) = Split(arguments ?? "");
        var id = words.FirstOrDefault(w => !w.Contains('=', StringComparison.Ordinal)) ?? "";
        var options = words.Where(w => w.Contains('=', StringComparison.Ordinal))
            .Select(w => w.Split('=', 2))
            .GroupBy(p => p[0].ToLowerInvariant())
            .ToDictionary(g => g.Key, g => g.Last()[1]);
        return new ContainerArguments(id, options, unclosedQuote);
    }

    /// <summary>Splits on spaces outside double quotes and drops the quotes; an unclosed quote is reported.</summary>
    private static (List<string> Words, bool UnclosedQuote) Split(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                Flush();
            }
            else
            {
                word.Append(c);
            }
        }

        Flush();
        return (words, quoted);

        void Flush()
        {
            if (word.Length > 0)
            {
                words.Add(word.ToString().Trim());
                word.Clear();
            }
        }
    }
}
