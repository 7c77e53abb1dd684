namespace RemoteGuidanceTraining.Courses.Model;

/// <summary>A course as served: immutable, rendered once when its files were loaded.</summary>
public sealed class Course
{
    public required string Id { get; init; }

    /// <summary>Absolute path of the course folder; media are served only from inside it.</summary>
    public required string Folder { get; init; }

    public required string Title { get; init; }

    public required string Summary { get; init; }

    public required string Language { get; init; }

    public required decimal Credits { get; init; }

    public required int Hours { get; init; }

    public required string Version { get; init; }

    public required int PassMark { get; init; }

    public int? ValidityMonths { get; init; }

    public required IReadOnlyList<string> Outcomes { get; init; }

    /// <summary>Sanitised HTML of each source item.</summary>
    public required IReadOnlyList<string> SourcesHtml { get; init; }

    /// <summary>E-mail addresses of the trainers who read this course's development tasks.</summary>
    public required IReadOnlyList<string> Trainers { get; init; }

    /// <summary>What was checked in the content, and where (course.yml `review_notes`): for trainers, not participants.</summary>
    public IReadOnlyList<string> ReviewNotes { get; init; } = [];

    /// <summary>E-mail addresses (lowercase) of the trainers who may edit this course in the site's workspace.</summary>
    public IReadOnlyList<string> Editors { get; init; } = [];

    /// <summary>`status: draft`: kept out of the participants' catalogue until published.</summary>
    public bool IsDraft { get; init; }

    public required IReadOnlyList<CourseModule> Modules { get; init; }

    public IEnumerable<Lesson> Lessons => Modules.SelectMany(m => m.Lessons);

    public IEnumerable<Quiz> Quizzes => Lessons.SelectMany(l => l.Quizzes);

    public IEnumerable<CourseTask> Tasks => Lessons.SelectMany(l => l.Tasks);

    public Lesson? FindLesson(string lessonId) => Lessons.FirstOrDefault(l => l.Id == lessonId);

    public CourseModule ModuleOf(Lesson lesson) => Modules.First(m => m.Lessons.Contains(lesson));

    public (Lesson? Previous, Lesson? Next) Neighbours(Lesson lesson)
    {
        var all = Lessons.ToList();
        var index = all.IndexOf(lesson);
        return (index > 0 ? all[index - 1] : null, index >= 0 && index < all.Count - 1 ? all[index + 1] : null);
    }

    public int TotalMinutes => Lessons.Sum(l => l.Minutes);
}

public sealed record CourseModule(string Id, int Order, string Title, IReadOnlyList<string> Objectives, IReadOnlyList<Lesson> Lessons);
