namespace RemoteGuidanceTraining.Web.Courses;

/// <summary>Settings under "Courses".</summary>
public sealed class CourseOptions
{
    public const string Section = "Courses";

    /// <summary>The folder of course folders; relative paths start from the content root (see <see cref="ContentRoot"/>).</summary>
    public string Folder { get; set; } = "../../courses";

    /// <summary>Reload when files change (live preview for trainers). Off only where the files never change.</summary>
    public bool Watch { get; set; } = true;
}
