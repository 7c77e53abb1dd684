namespace RemoteGuidanceTraining.Courses.Model;

/// <summary>
/// Every valid course under a folder, and every problem found there. Immutable: a change on disk builds a new
/// catalog that replaces this one whole, so a request never sees half a course.
/// </summary>
public sealed class CourseCatalog(string rootFolder, IReadOnlyList<Course> courses, IReadOnlyList<CourseProblem> problems, DateTime loadedAtUtc,
    IReadOnlyList<UnavailableCourse>? unavailable = null, IReadOnlyDictionary<string, CourseName>? namesOnRecord = null)
{
    private readonly Dictionary<string, Course> _byId = courses.ToDictionary(c => c.Id);
    private readonly Dictionary<string, UnavailableCourse> _unavailableById = (unavailable ?? []).ToDictionary(c => c.Id);
    private readonly IReadOnlyDictionary<string, CourseName> _namesOnRecord = namesOnRecord ?? new Dictionary<string, CourseName>();

    public static CourseCatalog Empty(string rootFolder) => new(rootFolder, [], [], default);

    public string RootFolder { get; } = rootFolder;

    /// <summary>Valid courses, in folder order.</summary>
    public IReadOnlyList<Course> Courses { get; } = courses;

    public IReadOnlyList<CourseProblem> Problems { get; } = problems;

    /// <summary>When the folder was read, by the host's clock (<see cref="CourseHost.Clock"/>).</summary>
    public DateTime LoadedAtUtc { get; } = loadedAtUtc;

    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);

    /// <summary>Null when there is no such course; an address segment of only blanks binds as a null id.</summary>
    public Course? Find(string? courseId) => courseId is null ? null : _byId.GetValueOrDefault(courseId);

    /// <summary>Course folders that did not load because of errors, in folder order.</summary>
    public IReadOnlyList<UnavailableCourse> Unavailable { get; } = unavailable ?? [];

    /// <summary>The course folder of this id when it failed to load; null when it loaded or does not exist.</summary>
    public UnavailableCourse? FindUnavailable(string? courseId) => courseId is null ? null : _unavailableById.GetValueOrDefault(courseId);

    /// <summary>
    /// The course of this id when it is not served: its files failed to load, or (nothing loaded under the id) its
    /// folder was removed, told apart by <see cref="UnavailableCourse.Removed"/>. Null when the course loaded or no
    /// id is given; whether anyone has records under the id is for the caller to ask.
    /// </summary>
    public UnavailableCourse? Unserved(string? courseId) =>
        string.IsNullOrEmpty(courseId) || Find(courseId) is not null ? null
            : FindUnavailable(courseId) ?? UnavailableCourse.RemovedFolder(courseId) with { NameOnRecord = _namesOnRecord.GetValueOrDefault(courseId) };

    /// <summary>
    /// This catalog with each course that failed to load remembered as <paramref name="previous"/> last served it
    /// (or as it remembered it), so a reload that breaks a course still names it.
    /// </summary>
    public CourseCatalog Remembering(CourseCatalog previous) =>
        new CourseCatalog(RootFolder, Courses, Problems, LoadedAtUtc,
            Unavailable.Select(u => u with { LastLoaded = previous.Find(u.Id) ?? previous.FindUnavailable(u.Id)?.LastLoaded }).ToList())
            .WithNamesOnRecord(previous._namesOnRecord);

    /// <summary>
    /// This catalog knowing the names the site has on record for courses (kept outside the course folders), so a
    /// course that is not served, and not remembered from this run, is still called by its title rather than its id.
    /// </summary>
    public CourseCatalog WithNamesOnRecord(IReadOnlyDictionary<string, CourseName> names) =>
        new(RootFolder, Courses, Problems, LoadedAtUtc, Unavailable.Select(u => u with { NameOnRecord = names.GetValueOrDefault(u.Id) }).ToList(), names);
}
