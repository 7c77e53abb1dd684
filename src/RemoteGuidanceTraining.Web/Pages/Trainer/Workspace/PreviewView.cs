using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Web.Pages.Trainer.Workspace;

/// <summary>A lesson rendered by the engine for the preview, in the course's language.</summary>
public sealed record PreviewView(Lesson Lesson, string Language);
