namespace RemoteGuidanceTraining.Web.Authoring;

/// <summary>A line-by-line difference of two texts (longest common subsequence), for the revision history.</summary>
public static class LineDiff
{
    public enum Kind
    {
        Same,
        Added,
        Removed,
    }

    public sealed record Line(Kind Kind, string Text, int? OldNumber, int? NewNumber);

    /// <summary>Above this many line pairs the table would be too big to build; such texts are shown whole instead.</summary>
    public const long MaxCells = 4_000_000;

    public static IReadOnlyList<Line>? Compare(string oldText, string newText)
    {
        var a = oldText.Split('\n');
        var b = newText.Split('\n');
        if ((long)a.Length * b.Length > MaxCells)
        {
            return null;
        }

        // lengths[i, j] = length of the common subsequence of a[i..] and b[j..]
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var lines = new List<Line>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add(new Line(Kind.Same, a[x], x + 1, y + 1));
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lengths[x, y + 1] >= lengths[x + 1, y]))
            {
                lines.Add(new Line(Kind.Added, b[y], null, y + 1));
                y++;
            }
            else
            {
                lines.Add(new Line(Kind.Removed, a[x], x + 1, null));
                x++;
            }
        }

        return lines;
    }
}
