using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>Where one participant stands in one course, measured against the course as it is now.</summary>
public sealed class CourseProgress(
    Course course,
    Enrollment? enrollment,
    IReadOnlySet<string> lessonsDone,
    IReadOnlyList<QuizAttempt> attempts,
    IReadOnlyDictionary<string, TaskAnswer> answers,
    CourseCompletion? completion)
{
    public Course Course { get; } = course;

    public Enrollment? Enrollment { get; } = enrollment;

    public CourseCompletion? Completion { get; } = completion;

    /// <summary>On a lesson page: the history and peer feedback of the lesson's task answers, by task id.</summary>
    public IReadOnlyDictionary<string, ParticipantTaskExtras> TaskExtras { get; init; } = new Dictionary<string, ParticipantTaskExtras>();

    public bool IsEnrolled => Enrollment is not null;

    public bool IsLessonDone(string lessonId) => lessonsDone.Contains(lessonId);

    /// <summary>Attempts made against the quiz's current questions; older ones no longer count.</summary>
    public IEnumerable<QuizAttempt> CurrentAttempts(Quiz quiz) =>
        attempts.Where(a => a.QuizId == quiz.Id && a.QuizHash == quiz.ContentHash);

    public QuizAttempt? LastAttempt(Quiz quiz) => CurrentAttempts(quiz).MaxBy(a => a.SubmittedAtUtc);

    public int? BestScore(Quiz quiz) => CurrentAttempts(quiz).Select(a => (int?)a.ScorePercent).Max();

    public bool IsQuizPassed(Quiz quiz) => CurrentAttempts(quiz).Any(a => a.Passed);

    public TaskAnswer? Answer(CourseTask task) => answers.GetValueOrDefault(task.Id);

    public bool IsTaskSubmitted(CourseTask task) => Answer(task)?.SubmittedAtUtc is not null;

    /// <summary>Submitted, and accepted by a trainer when the task says `review=required` (peer feedback is shown on the lesson, not counted here).</summary>
    public bool IsTaskDone(CourseTask task) =>
        Answer(task) is { SubmittedAtUtc: not null } answer && (!task.ReviewRequired || answer.ReviewState == TaskReviewState.Accepted);

    public bool IsLessonComplete(Lesson lesson) =>
        IsLessonDone(lesson.Id) && lesson.Quizzes.All(IsQuizPassed) && lesson.Tasks.All(IsTaskDone);

    public bool IsModuleComplete(CourseModule module) => module.Lessons.All(IsLessonComplete);

    /// <summary>Every requirement: each lesson read, each quiz passed, each task submitted (and accepted when it must be).</summary>
    public (int Done, int Total) Requirements()
    {
        var lessons = Course.Lessons.ToList();
        var done = lessons.Count(l => IsLessonDone(l.Id)) + Course.Quizzes.Count(IsQuizPassed) + Course.Tasks.Count(IsTaskDone);
        var total = lessons.Count + Course.Quizzes.Count() + Course.Tasks.Count();
        return (done, total);
    }

    public bool AllRequirementsMet => Requirements() is var (done, total) && done == total;

    /// <summary>Completed participants stay at 100 % even if lessons are added later.</summary>
    public int Percent => Completion is not null ? 100 : Requirements() is var (done, total) && total > 0 ? done * 100 / total : 0;

    /// <summary>The first lesson not yet complete: "continue where you left off".</summary>
    public Lesson? NextLesson => Course.Lessons.FirstOrDefault(l => !IsLessonComplete(l));
}
