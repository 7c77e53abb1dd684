using System.Text.RegularExpressions;
using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses.Loading;

/// <summary>
/// Turns YamlDotNet's parser messages into advice a trainer can act on. Its own words ("While scanning a plain scalar
/// value, found invalid mapping") say what the parser met, not what to change; the common slips each get a plain
/// instruction, and only the rest keep the parser's text, as a secondary English detail.
/// </summary>
internal static partial class YamlErrors
{
    public static void Report(ProblemList problems, string file, string text, int line, int column, int lineOffset, string parserMessage)
    {
        if (Has(parserMessage, "Duplicate key") && DuplicateKey().Match(parserMessage) is { Success: true } duplicate)
        {
            problems.Error(file, line + lineOffset, ProblemCode.YamlDuplicateKey, column, duplicate.Groups[1].Value.Trim());
        }
        else if (Has(parserMessage, "flow sequence") || Has(parserMessage, "flow mapping"))
        {
            // The bracket left open is the one to fix, wherever the parser noticed.
            if (UnclosedBracket.Find(text) is { } bracket)
            {
                problems.Error(file, bracket.Line + lineOffset, ProblemCode.YamlUnclosedBracket, bracket.Column, bracket.Bracket, bracket.Bracket == '[' ? ']' : '}');
            }
            else
            {
                problems.Error(file, line + lineOffset, ProblemCode.YamlBrackets, column);
            }
        }
        else
        {
            var code = CodeFor(parserMessage, SecondColon(text, line));
            if (code == ProblemCode.YamlOther)
            {
                problems.ErrorWithDetail(file, line + lineOffset, parserMessage, code, column);
            }
            else
            {
                problems.Error(file, line + lineOffset, code, column);
            }
        }
    }

    // The parser says "invalid mapping" both for a colon inside a value ("title: Alku: kanavat") and for a key
    // indented under a value ("language: fi" then "  bad: 27"); only the first is fixed with quotation marks.
    private static ProblemCode CodeFor(string message, bool secondColon) =>
        Has(message, " tab ") ? ProblemCode.YamlTab
        : (Has(message, "invalid mapping") || Has(message, "Mapping values are not allowed")) && secondColon ? ProblemCode.YamlNeedsQuotes
        : Has(message, "invalid mapping") || Has(message, "Mapping values are not allowed") ? ProblemCode.YamlIndentation
        : Has(message, "quoted scalar") ? ProblemCode.YamlUnclosedQuote
        : Has(message, "anchor or alias") || Has(message, "cannot start any token") || Has(message, "tag") ? ProblemCode.YamlSpecialStart
        : Has(message, "block mapping") || Has(message, "block collection") || Has(message, "simple key") ? ProblemCode.YamlIndentation
        : ProblemCode.YamlOther;

    /// <summary>Whether the line has a second ": " (or a ':' at its end) after its key's.</summary>
    private static bool SecondColon(string text, int line)
    {
        var lines = text.Split('\n');
        var value = line <= lines.Length ? lines[line - 1].TrimEnd() : "";
        var afterKey = value.IndexOf(": ", StringComparison.Ordinal) is var at and >= 0 ? value[(at + 2)..] : "";
        return afterKey.Contains(": ", StringComparison.Ordinal) || afterKey.EndsWith(':');
    }

    private static bool Has(string message, string part) => message.Contains(part, StringComparison.Ordinal);

    [GeneratedRegex("Duplicate key (.+?)\\.?$")]
    private static partial Regex DuplicateKey();
}
