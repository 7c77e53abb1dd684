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

    /// <summary>How many peer feedbacks the person has given, by task id (tasks with `peer=N`).</summary>
    public IReadOnlyDictionary<string, int> PeerGiven { get; init; } = new Dictionary<string, int>();

    public bool IsEnrolled => Enrollment is not null;

    public bool IsLessonDone(string lessonId) => lessonsDone.Contains(lessonId);

    /// <summary>Attempts made against the quiz's current questions; older ones no longer count.</summary>
    public IEnumerable<QuizAttempt> CurrentAttempts(Quiz quiz) =>
        attempts.Where(a => a.QuizId == quiz.Id && a.QuizHash == quiz.ContentHash);

    public QuizAttempt? LastAttempt(Quiz quiz) => CurrentAttempts(quiz).MaxBy(a => a.SubmittedAtUtc);

    /// <summary>Whether the person answered an earlier version of the quiz (before a trainer changed its questions).</summary>
    public bool AnsweredEarlierVersion(Quiz quiz) => attempts.Any(a => a.QuizId == quiz.Id && a.QuizHash != quiz.ContentHash);

    public int? BestScore(Quiz quiz) => CurrentAttempts(quiz).Select(a => (int?)a.ScorePercent).Max();

    /// <summary>
    /// Whether the quiz result counts as passed. The readers take this from the stored result, which
    /// <see cref="QuizPassMarks"/> keeps in step with the current pass mark, not from the flag each attempt got when it
    /// was made (see <see cref="ProgressReader"/>).
    /// </summary>
    public bool IsQuizPassed(Quiz quiz) => CurrentAttempts(quiz).Any(a => a.Passed);

    public TaskAnswer? Answer(CourseTask task) => answers.GetValueOrDefault(task.Id);

    public bool IsTaskSubmitted(CourseTask task) => Answer(task)?.SubmittedAtUtc is not null;

    /// <summary>Submitted, and accepted by a trainer when the task says `review=required` (peer feedback is shown on the lesson, not counted here).</summary>
    public bool IsTaskDone(CourseTask task) =>
        Answer(task) is { SubmittedAtUtc: not null } answer && (!task.ReviewRequired || answer.ReviewState == TaskReviewState.Accepted);

    /// <summary>False only for a `peer-required` task whose asked number of peer feedbacks the person has not yet given.</summary>
    public bool IsPeerFeedbackDone(CourseTask task) => !RequiresPeerFeedback(task) || HasGivenAllPeerFeedback(task, PeerGiven.GetValueOrDefault(task.Id));

    /// <summary>Whether feedback on <paramref name="given"/> answers is all that the task asks for (the reports count the same way).</summary>
    public static bool HasGivenAllPeerFeedback(CourseTask task, int given) => given >= task.Peer;

    /// <summary>Giving peer feedback is a requirement of its own when the task says `peer-required`.</summary>
    public static bool RequiresPeerFeedback(CourseTask task) => task.Peer > 0 && task.PeerRequired;

    public bool IsLessonComplete(Lesson lesson) =>
        IsLessonDone(lesson.Id) && lesson.Quizzes.All(IsQuizPassed) && lesson.Tasks.All(t => IsTaskDone(t) && IsPeerFeedbackDone(t));

    public bool IsModuleComplete(CourseModule module) => module.Lessons.All(IsLessonComplete);

    /// <summary>"Done", "Started" (read, or a quiz answered or a task written, but not every requirement met) or "NotStarted".</summary>
    public string LessonState(Lesson lesson) =>
        IsLessonComplete(lesson) ? "Done"
        : IsLessonDone(lesson.Id) || lesson.Quizzes.Any(q => LastAttempt(q) is not null) || lesson.Tasks.Any(t => Answer(t) is not null) ? "Started"
        : "NotStarted";

    /// <summary>
    /// Every requirement: each lesson read, each quiz passed, each task submitted (and accepted when it must be), and
    /// the peer feedback a `peer-required` task asks for, the same requirements completion waits for.
    /// </summary>
    public (int Done, int Total) Requirements()
    {
        var lessons = Course.Lessons.ToList();
        var peerTasks = Course.Tasks.Where(RequiresPeerFeedback).ToList();
        var done = lessons.Count(l => IsLessonDone(l.Id)) + Course.Quizzes.Count(IsQuizPassed) + Course.Tasks.Count(IsTaskDone) + peerTasks.Count(IsPeerFeedbackDone);
        var total = lessons.Count + Course.Quizzes.Count() + Course.Tasks.Count() + peerTasks.Count;
        return (done, total);
    }

    public bool AllRequirementsMet => Requirements() is var (done, total) && done == total;

    /// <summary>Completed participants stay at 100 % even if lessons are added later.</summary>
    public int Percent
    {
        get
        {
            if (Completion is not null)
            {
                return 100;
            }

            var (done, total) = Requirements();
            return Percentages.Of(done, total);
        }
    }

    /// <summary>The first lesson not yet complete: "continue where you left off".</summary>
    public Lesson? NextLesson => Course.Lessons.FirstOrDefault(l => !IsLessonComplete(l));
}
