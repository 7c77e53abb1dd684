using System.Text.RegularExpressions;

namespace RemoteGuidanceTraining.Courses.Loading;

/// <summary>
/// Finds the first '[' or '{' that YAML text never closes. YamlDotNet throws without any position for some of these
/// (an unclosed bracket in a list item), and "line 1" sends a trainer looking in the wrong place.
/// A rough scan, used only once the text has already failed to load: quotes, comments and block scalars ('|', '>')
/// are skipped so that brackets inside text are not counted; brackets inside unquoted text are counted only where
/// YAML itself would read them as the start of a list or mapping.
/// </summary>
internal static partial class UnclosedBracket
{
    public static (int Line, int Column, char Bracket)? Find(string text)
    {
        var open = new Stack<(int Line, int Column, char Bracket)>();
        var quote = '\0';
        var blockIndent = -1;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var indent = line.Length - line.TrimStart(' ').Length;
            if (blockIndent >= 0 && (string.IsNullOrWhiteSpace(line) || indent > blockIndent))
            {
                continue;
            }

            blockIndent = -1;
            var end = line.Length;
            for (var c = 0; c < line.Length; c++)
            {
                var ch = line[c];
                if (quote != '\0')
                {
                    if (quote == '"' && ch == '\\')
                    {
                        c++;
                    }
                    else if (quote == '\'' && ch == '\'' && c + 1 < line.Length && line[c + 1] == '\'')
                    {
                        c++;
                    }
                    else if (ch == quote)
                    {
                        quote = '\0';
                    }

                    continue;
                }

                if (ch == '#' && (c == 0 || char.IsWhiteSpace(line[c - 1])))
                {
                    end = c;
                    break;
                }

                var startsValue = StartsValue(line, c, inFlow: open.Count > 0);
                if (ch is '"' or '\'' && startsValue)
                {
                    quote = ch;
                }
                else if (ch is '[' or '{' && startsValue)
                {
                    open.Push((i + 1, c + 1, ch));
                }
                else if (ch is ']' or '}' && open.Count > 0)
                {
                    open.Pop();
                }
            }

            if (quote == '\0' && open.Count == 0 && BlockScalar().IsMatch(line[..end]))
            {
                blockIndent = indent;
            }
        }

        // The stack lists the latest first: the earliest bracket still open is where the trainer forgot to close.
        return open.Count > 0 ? open.Last() : null;
    }

    /// <summary>Whether a quote or bracket at <paramref name="at"/> begins a value rather than sitting inside text.</summary>
    private static bool StartsValue(string line, int at, bool inFlow)
    {
        var before = line[..at].TrimEnd();
        if (before.Length == 0 || (inFlow && before[^1] is '[' or '{' or ','))
        {
            return true;
        }

        // "key: [", "- [", "? [": the indicator must be followed by a space, or it is part of the text ("a-[b").
        return before[^1] is ':' or '-' or '?' && before.Length < at;
    }

    [GeneratedRegex(@"(?:^|[:-]\s)\s*[|>][1-9+-]*\s*$")]
    private static partial Regex BlockScalar();
}
