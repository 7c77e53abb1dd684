namespace RemoteGuidanceTraining.Courses.Model;

/// <summary>
/// A course folder that did not load (its errors are in <see cref="CourseCatalog.Problems"/>): not served, but the
/// site still knows it exists, so people enrolled in it are told it is temporarily unavailable instead of "not found".
/// <paramref name="LastLoaded"/> is the version served before the error, while the site has kept it in memory (null
/// after a restart): it names the course and tells whose tasks it was; its content is never served again.
/// </summary>
public sealed record UnavailableCourse(string Id, Course? LastLoaded)
{
    /// <summary>
    /// The course's folder is gone from disk, not broken: known only from records people have in it (enrolments,
    /// completions), so it has no problems to list, and nothing remembered but its id and its name on record.
    /// </summary>
    public bool Removed { get; init; }

    /// <summary>A course people have records in whose folder is no longer on disk (see <see cref="Removed"/>).</summary>
    public static UnavailableCourse RemovedFolder(string id) => new(id, null) { Removed = true };

    /// <summary>The course's name as the site last recorded it (see <see cref="CourseCatalog.WithNamesOnRecord"/>), if any.</summary>
    public CourseName? NameOnRecord { get; init; }

    /// <summary>The title as last loaded, else as on record, else the folder's id.</summary>
    public string Title => LastLoaded?.Title ?? NameOnRecord?.Title ?? Id;

    /// <summary>The lang of <see cref="Title"/>: the course's language when known; an id is not in any language.</summary>
    public string? Language => LastLoaded is { } course ? course.Language : NameOnRecord?.Language;
}
