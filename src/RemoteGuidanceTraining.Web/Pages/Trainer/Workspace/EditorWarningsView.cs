using RemoteGuidanceTraining.Web.Authoring;

namespace RemoteGuidanceTraining.Web.Pages.Trainer.Workspace;

/// <summary>
/// The editors: entries that let nobody in, as list items for a page's problems list: by line alone in course.yml's
/// own editor (<paramref name="InCourseYml"/>), as course.yml:line everywhere else.
/// </summary>
public sealed record EditorWarningsView(IReadOnlyList<EditorWithoutAccount> Warnings, string CourseId, bool InCourseYml);
