namespace RemoteGuidanceTraining.Courses.Loading;

/// <summary>A lesson found while scanning, before rendering: enough to resolve links between lessons.</summary>
internal sealed record LessonFile(string Path, string ModuleId, int Order, string Id, string Text, FrontMatter FrontMatter);
