using System.Globalization;
using System.Text.RegularExpressions;

namespace RemoteGuidanceTraining.Web.Authoring;

/// <summary>Which way a module or lesson moves: a step up or down, or to the end of another module.</summary>
public enum MoveDirection
{
    Up,
    Down,
    ToModule,
}

/// <summary>One rename inside a course folder (relative paths, forward slashes): a module folder or a lesson file.</summary>
public sealed record Rename(string From, string To);

/// <summary>
/// Plans the renames that reorder modules and lessons. Order lives only in the "NN-" prefix of a folder or file
/// name, and the id is the rest of the name (see the course engine's OrderedName), so a move renumbers the
/// prefixes 01, 02, … and leaves every id – and so every participant's progress – as it was.
/// </summary>
public static partial class CourseLayout
{
    /// <summary>The module folders that take part in the order ("01-alku"), in order.</summary>
    public static IReadOnlyList<string> Modules(string courseFolder) =>
        Ordered(Directory.GetDirectories(courseFolder).Select(Path.GetFileName).OfType<string>()
            .Where(name => CoursePaths.Resolve(courseFolder, name) is not null));

    /// <summary>The lesson files of one module ("01-alku/02-kanavat.md"), in order.</summary>
    public static IReadOnlyList<string> Lessons(string courseFolder, string module) =>
        Ordered(Directory.GetFiles(Path.Combine(courseFolder, module), "*.md").Select(Path.GetFileName).OfType<string>())
            .Select(name => $"{module}/{name}").Where(path => CoursePaths.ResolveEditable(courseFolder, path) is not null).ToList();

    /// <summary>
    /// A fingerprint of the order and names of every module and lesson: a move form carries the one it was drawn
    /// from, so a move planned on an outdated page is refused instead of moving the wrong thing.
    /// </summary>
    public static string Fingerprint(string courseFolder) =>
        CourseWorkspace.Hash(string.Join('\n', Modules(courseFolder).SelectMany(m => Lessons(courseFolder, m).Prepend(m))));

    public static IReadOnlyList<Rename> MoveModule(string courseFolder, string module, MoveDirection direction)
    {
        var modules = Modules(courseFolder).ToList();
        var index = modules.IndexOf(module);
        if (index < 0 || !Step(modules, index, direction))
        {
            return [];
        }

        return Renumber(modules, "");
    }

    /// <summary>Up or down within its module, or (ToModule) to the end of <paramref name="target"/>.</summary>
    public static IReadOnlyList<Rename> MoveLesson(string courseFolder, string lesson, MoveDirection direction, string? target)
    {
        var module = lesson.Split('/')[0];
        var lessons = Lessons(courseFolder, module).Select(Path.GetFileName).OfType<string>().ToList();
        var index = lessons.IndexOf(Path.GetFileName(lesson));
        if (index < 0 || lesson.Count(c => c == '/') != 1)
        {
            return [];
        }

        if (direction != MoveDirection.ToModule)
        {
            return Step(lessons, index, direction) ? Renumber(lessons, module + "/") : [];
        }

        if (target is null || target == module || !Modules(courseFolder).Contains(target))
        {
            return [];
        }

        var name = lessons[index];
        lessons.RemoveAt(index);
        var targetLessons = Lessons(courseFolder, target).Select(Path.GetFileName).OfType<string>().ToList();
        var moved = $"{(targetLessons.Count + 1).ToString("00", CultureInfo.InvariantCulture)}-{IdOf(name)}";
        return [.. Renumber(lessons, module + "/"), new Rename(lesson, $"{target}/{moved}"), .. Renumber(targetLessons, target + "/")];
    }

    /// <summary>
    /// The module ids and lesson ids the course's files use now (a lesson's front matter `id:` before its file
    /// name), so a new module or lesson can be given one that is free: ids are unique in the whole course.
    /// </summary>
    public static (HashSet<string> Modules, HashSet<string> Lessons) TakenIds(string courseFolder)
    {
        var modules = Modules(courseFolder);
        var lessons = modules.SelectMany(m => Directory.GetFiles(Path.Combine(courseFolder, m), "*.md"))
            .SelectMany(file => new[] { Path.GetFileNameWithoutExtension(IdOf(Path.GetFileName(file))), FrontMatterId(File.ReadAllText(file)) })
            .OfType<string>();
        return (modules.Select(IdOf).ToHashSet(StringComparer.Ordinal), lessons.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>"kanavat", or "kanavat-2", "kanavat-3" … when it is taken – as an upload's name gets "-2".</summary>
    public static string FreeId(string slug, IReadOnlySet<string> taken)
    {
        var id = slug;
        for (var n = 2; taken.Contains(id); n++)
        {
            id = $"{slug}-{n.ToString(CultureInfo.InvariantCulture)}";
        }

        return id;
    }

    private static string? FrontMatterId(string text)
    {
        var match = FrontMatter().Match(text.Replace("\r\n", "\n"));
        return match.Success && IdLine().Match(match.Groups[1].Value) is { Success: true } id ? id.Groups[1].Value : null;
    }

    /// <summary>The name without its order prefix: "02-kanavat.md" → "kanavat.md".</summary>
    public static string IdOf(string name) => OrderPrefix().Match(name) is { Success: true } m ? name[m.Length..] : name;

    private static bool Step(List<string> names, int index, MoveDirection direction)
    {
        var other = direction == MoveDirection.Up ? index - 1 : index + 1;
        if (direction == MoveDirection.ToModule || other < 0 || other >= names.Count)
        {
            return false;
        }

        (names[index], names[other]) = (names[other], names[index]);
        return true;
    }

    /// <summary>01-, 02-, … in list order; only names whose prefix changes are renamed.</summary>
    private static List<Rename> Renumber(List<string> names, string folder) =>
        names.Select((name, i) => new Rename(folder + name, folder + $"{(i + 1).ToString("00", CultureInfo.InvariantCulture)}-{IdOf(name)}"))
            .Where(r => r.From != r.To).ToList();

    private static List<string> Ordered(IEnumerable<string> names) =>
        names.Select(name => (Name: name, Match: OrderPrefix().Match(name))).Where(x => x.Match.Success)
            .OrderBy(x => int.Parse(x.Match.Groups[1].Value, CultureInfo.InvariantCulture)).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => x.Name).ToList();

    [GeneratedRegex(@"^(\d{1,3})-")]
    private static partial Regex OrderPrefix();

    [GeneratedRegex(@"\A---\n(.*?)\n---", RegexOptions.Singleline)]
    private static partial Regex FrontMatter();

    [GeneratedRegex(@"^id:[ \t]*[""']?([a-z0-9-]+)[""']?[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex IdLine();
}
