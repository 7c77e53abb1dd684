using System.Globalization;
using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses;

/// <summary>One lesson's estimated study time next to what its front matter declares.</summary>
public sealed record LessonExtent(Lesson Lesson, string File, int Words, int Questions, decimal EstimatedMinutes)
{
    /// <summary>Declared minutes may differ from the estimate by 30 % or 3 minutes, whichever is more.</summary>
    public bool IsPlausible => Math.Abs(Lesson.Minutes - EstimatedMinutes) <= Math.Max(EstimatedMinutes * CourseExtent.LessonTolerance, CourseExtent.LessonToleranceMinutes);
}

/// <summary>
/// The honest extent of a course, estimated the same way for every course so that the hours and credits on a
/// certificate mean something: reading at 150 words a minute, 1.5 minutes for each quiz question, and the
/// stated <c>hours=</c> of each development task; 1 credit (op) = 27 hours.
/// </summary>
public sealed class CourseExtent
{
    public const int WordsPerMinute = 150;
    public const decimal MinutesPerQuestion = 1.5m;
    public const decimal HoursPerCredit = 27m;
    public const decimal LessonTolerance = 0.30m;
    public const decimal LessonToleranceMinutes = 3m;
    public const decimal HoursTolerance = 0.15m;
    public const decimal CreditsTolerance = 0.25m;

    private CourseExtent(Course course, IReadOnlyList<LessonExtent> lessons)
    {
        Course = course;
        Lessons = lessons;
        ReadingAndQuizHours = lessons.Sum(l => l.EstimatedMinutes) / 60m;
        TaskHours = course.Tasks.Sum(t => t.Hours);
    }

    public Course Course { get; }

    public IReadOnlyList<LessonExtent> Lessons { get; }

    public decimal ReadingAndQuizHours { get; }

    public decimal TaskHours { get; }

    public decimal EstimatedHours => ReadingAndQuizHours + TaskHours;

    /// <summary>The credits that the declared hours are worth (hours / 27).</summary>
    public decimal CreditsForDeclaredHours => Course.Hours / HoursPerCredit;

    /// <summary>The lesson body's words (quizzes and tasks excluded) / 150 + 1.5 minutes per quiz question.</summary>
    public static decimal EstimateMinutes(Lesson lesson) =>
        (decimal)lesson.WordCount / WordsPerMinute + MinutesPerQuestion * lesson.Quizzes.Sum(q => q.Questions.Count);

    public static CourseExtent Of(Course course)
    {
        var root = Path.GetDirectoryName(course.Folder) ?? course.Folder;
        var lessons = course.Lessons.Select(l => new LessonExtent(l, Path.GetRelativePath(root, l.SourceFile).Replace('\\', '/'),
            l.WordCount, l.Quizzes.Sum(q => q.Questions.Count), EstimateMinutes(l))).ToList();
        return new CourseExtent(course, lessons);
    }

    /// <summary>Every way the declared extent differs from the estimate, one line each, naming the file to change.</summary>
    public IReadOnlyList<string> Problems() => Findings().Select(f => $"{f.File}: {f.Message}").ToList();

    /// <summary>The same as <see cref="Problems"/> with the figures apart, for a page that words them in its own language.</summary>
    public IReadOnlyList<ExtentFinding> Findings()
    {
        var findings = new List<ExtentFinding>();
        foreach (var lesson in Lessons.Where(l => !l.IsPlausible))
        {
            var (low, high) = (Math.Max(0, lesson.EstimatedMinutes - Slack(lesson)), lesson.EstimatedMinutes + Slack(lesson));
            findings.Add(new(ExtentFindingKind.LessonMinutes, lesson.File, lesson.Lesson.Minutes, lesson.EstimatedMinutes, low, high,
                $"minutes: {lesson.Lesson.Minutes}, but the estimate is {Format(lesson.EstimatedMinutes)} min " +
                $"({lesson.Words} words / {WordsPerMinute} + {lesson.Questions} questions × {Format(MinutesPerQuestion)}); " +
                $"allowed {Format(low)}–{Format(high)}."));
        }

        var courseFile = $"{Course.Id}/course.yml";
        if (Math.Abs(Course.Hours - EstimatedHours) > EstimatedHours * HoursTolerance)
        {
            var (low, high) = (EstimatedHours * (1 - HoursTolerance), EstimatedHours * (1 + HoursTolerance));
            findings.Add(new(ExtentFindingKind.CourseHours, courseFile, Course.Hours, EstimatedHours, low, high,
                $"hours: {Course.Hours}, but the estimate is {Format(EstimatedHours)} h " +
                $"({Format(ReadingAndQuizHours)} h reading and quizzes + {Format(TaskHours)} h tasks); " +
                $"allowed {Format(low)}–{Format(high)}."));
        }

        if (Math.Abs(Course.Credits - CreditsForDeclaredHours) > CreditsTolerance)
        {
            var (low, high) = (Math.Max(0, CreditsForDeclaredHours - CreditsTolerance), CreditsForDeclaredHours + CreditsTolerance);
            findings.Add(new(ExtentFindingKind.CourseCredits, courseFile, Course.Credits, CreditsForDeclaredHours, low, high,
                $"credits: {Format(Course.Credits)}, but hours: {Course.Hours} are worth {Format(CreditsForDeclaredHours)} op " +
                $"(1 op = {HoursPerCredit} h); allowed {Format(low)}–{Format(high)}."));
        }

        return findings;
    }

    /// <summary>A readable table for course authors: each lesson's estimate, then the course's.</summary>
    public void WriteTo(TextWriter output)
    {
        output.WriteLine($"{Course.Id}: declared {Course.Hours} h, {Format(Course.Credits)} op; estimated {Format(EstimatedHours)} h " +
            $"= {Format(ReadingAndQuizHours)} h reading and quizzes + {Format(TaskHours)} h tasks ({Course.Tasks.Count()}) → {Format(EstimatedHours / HoursPerCredit)} op");
        foreach (var lesson in Lessons)
        {
            output.WriteLine($"  {lesson.File}: minutes {lesson.Lesson.Minutes}, estimate {Format(lesson.EstimatedMinutes)} " +
                $"({lesson.Words} words, {lesson.Questions} questions){(lesson.IsPlausible ? "" : "  ← outside ±30 % / ±3 min")}");
        }

        foreach (var problem in Problems())
        {
            output.WriteLine($"  extent: {problem}");
        }
    }

    private static decimal Slack(LessonExtent lesson) => Math.Max(lesson.EstimatedMinutes * LessonTolerance, LessonToleranceMinutes);

    private static string Format(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

public enum ExtentFindingKind
{
    /// <summary>A lesson's `minutes:` (declared and estimated in minutes).</summary>
    LessonMinutes,

    /// <summary>The course's `hours:` against the estimated hours.</summary>
    CourseHours,

    /// <summary>The course's `credits:` against what its declared hours are worth (hours / 27).</summary>
    CourseCredits,
}

/// <summary>One declared figure outside its tolerance: the figure, what it should be near, the range allowed, and the English line of the CLI.</summary>
public sealed record ExtentFinding(ExtentFindingKind Kind, string File, decimal Declared, decimal Expected, decimal Low, decimal High, string Message);
