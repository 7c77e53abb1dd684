using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses.Loading;

/// <summary>
/// Reads a YAML mapping field by field, reporting each missing or malformed field at its line.
/// Keys nobody asked for are reported as warnings by <see cref="WarnAboutUnknownKeys"/>: usually a typo.
/// </summary>
internal sealed class YamlFields
{
    private readonly YamlMappingNode _map;
    private readonly string _file;
    private readonly ProblemList _problems;
    private readonly int _lineOffset;
    private readonly HashSet<string> _read = [];

    private YamlFields(YamlMappingNode map, string file, ProblemList problems, int lineOffset)
    {
        _map = map;
        _file = file;
        _problems = problems;
        _lineOffset = lineOffset;
    }

    /// <summary>Parses YAML text; null (with an error at the offending line) when it is not a valid mapping.</summary>
    public static YamlFields? Parse(string text, string file, ProblemList problems, int lineOffset = 0)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException error)
        {
            // YamlDotNet's Start is where the construct it was reading began (a mapping, a scalar running on), its End
            // where it noticed the fault (the tab on a later line): the later one is the line to fix. Past the last
            // line with text (an unclosed bracket), that last line is. The column too, where it is the fault's own:
            // on a long line of a file edited outside the workspace, the line alone is hard to act on.
            // A tab in the indentation is reported at the start of the mapping it broke: the tab's line is the one.
            // A quote never closed runs on to the next line, where YamlDotNet notices: the quote's own line is the one.
            var message = FirstLine(error.InnerException?.Message ?? error.Message);
            var (line, column) = message.Contains(" tab ", StringComparison.Ordinal) && FirstIndentingTab(text) is { } tab ? tab
                : error.End.Line > error.Start.Line && !IsUnclosedQuote(message) ? ((int)error.End.Line, (int)error.End.Column)
                : ((int)error.Start.Line, (int)error.Start.Column);
            var last = LastLineWithText(text);
            // Past the last line with text, the fault is that something is missing at the end of that line.
            var at = line > last ? LineLength(text, last) + 1 : column;
            YamlErrors.Report(problems, file, text, Math.Min(line, last), at, lineOffset, message);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet throws this, without a position, for some unclosed flow collections ("- [unclosed" in a list),
            // so the bracket is looked for here. Its own message is about its internal state, no help to a trainer.
            if (UnclosedBracket.Find(text) is { } bracket)
            {
                var closing = bracket.Bracket == '[' ? ']' : '}';
                problems.Error(file, bracket.Line + lineOffset, ProblemCode.YamlUnclosedBracket, bracket.Column, bracket.Bracket, closing);
            }
            else
            {
                problems.Error(file, 1 + lineOffset, ProblemCode.YamlUnreadable);
            }

            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            problems.Error(file, 1 + lineOffset, ProblemCode.YamlNotMapping);
            return null;
        }

        return new YamlFields(map, file, problems, lineOffset);
    }

    public int LineOf(string key) => Node(key) is { } node ? Line(node) : Line(_map);

    /// <summary>Each text item of a list with its own line, so a warning can point at the item itself.</summary>
    public IEnumerable<(string Value, int Line)> ItemLines(string key) =>
        Node(key) is YamlSequenceNode sequence
            ? sequence.OfType<YamlScalarNode>().Where(n => !string.IsNullOrWhiteSpace(n.Value)).Select(n => (n.Value!.Trim(), Line(n))).ToList()
            : [];

    /// <summary>
    /// The trimmed value, or null (reported when required or not a single value). A value longer than
    /// <paramref name="maxLength"/> is reported at its line (<paramref name="tooLong"/> can say where it goes) and still returned.
    /// </summary>
    public string? String(string key, bool required = false, int maxLength = int.MaxValue, ProblemCode tooLong = ProblemCode.FieldTooLong)
    {
        var node = Node(key);
        if (node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
        {
            var text = value.Trim();
            if (text.Length > maxLength)
            {
                _problems.Error(_file, Line(node), tooLong, key, text.Length, maxLength);
            }

            return text;
        }

        if (node is not null and not YamlScalarNode)
        {
            _problems.Error(_file, Line(node), ProblemCode.FieldNotSingle, key);
        }
        else if (required)
        {
            _problems.Error(_file, node is null ? Line(_map) : Line(node), ProblemCode.FieldMissing, key);
        }

        return null;
    }

    public decimal? Decimal(string key, bool required = false)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0)
        {
            return value;
        }

        _problems.Error(_file, LineOf(key), ProblemCode.FieldNotNumber, key, text);
        return null;
    }

    public int? Int(string key, bool required = false)
    {
        var value = Decimal(key, required);
        if (value is null)
        {
            return null;
        }

        if (value != Math.Floor(value.Value))
        {
            _problems.Error(_file, LineOf(key), ProblemCode.FieldNotWholeNumber, key);
            return null;
        }

        if (value > int.MaxValue)
        {
            _problems.Error(_file, LineOf(key), ProblemCode.FieldTooLarge, key);
            return null;
        }

        return (int)value;
    }

    public List<string> StringList(string key, bool required = false)
    {
        var node = Node(key);
        switch (node)
        {
            case YamlSequenceNode sequence:
                var items = new List<string>();
                foreach (var item in sequence)
                {
                    if (item is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
                    {
                        items.Add(value.Trim());
                    }
                    else
                    {
                        _problems.Error(_file, Line(item), ProblemCode.ListItemNotText, key);
                    }
                }

                if (required && items.Count == 0)
                {
                    _problems.Error(_file, Line(node), ProblemCode.ListEmpty, key);
                }

                return items;
            case null when required:
                _problems.Error(_file, Line(_map), ProblemCode.ListMissing, key);
                return [];
            case null:
                return [];
            default:
                _problems.Error(_file, Line(node), ProblemCode.FieldNotList, key);
                return [];
        }
    }

    public YamlFields? Mapping(string key, bool required = false)
    {
        var node = Node(key);
        if (node is YamlMappingNode map)
        {
            return new YamlFields(map, _file, _problems, _lineOffset);
        }

        if (node is not null || required)
        {
            _problems.Error(_file, node is null ? Line(_map) : Line(node), ProblemCode.FieldNotMapping, key);
        }

        return null;
    }

    public void WarnAboutUnknownKeys()
    {
        foreach (var (key, _) in _map.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && !_read.Contains(name))
            {
                _problems.Warning(_file, Line(key), ProblemCode.FieldUnknown, name);
            }
        }
    }

    private YamlNode? Node(string key)
    {
        _read.Add(key);
        return _map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;
    }

    private int Line(YamlNode node) => (int)node.Start.Line + _lineOffset;

    private static (int Line, int Column)? FirstIndentingTab(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0)
            {
                return (i + 1, tab + 1);
            }
        }

        return null;
    }

    /// <summary>
    /// YamlDotNet's words for a quoted value that runs on: to a line not indented under it, to the end of the text.
    /// Its Start is then the opening quote. (A bad escape inside the quotes is not this: its End is the escape.)
    /// </summary>
    private static bool IsUnclosedQuote(string message) =>
        message.Contains("quoted scalar, found wrong indentation", StringComparison.Ordinal)
        || message.Contains("quoted scalar, found unexpected", StringComparison.Ordinal);

    private static int LastLineWithText(string text)
    {
        var lines = text.Split('\n');
        for (var i = lines.Length - 1; i >= 0; i--)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                return i + 1;
            }
        }

        return 1;
    }

    private static int LineLength(string text, int line) => text.Split('\n')[line - 1].TrimEnd('\r').Length;

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
