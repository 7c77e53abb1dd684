using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>
/// When someone has started a course: they have done something towards it – a lesson marked done, a quiz attempted
/// or a task answer saved (a draft or submitted), whether or not the course has changed since. Opening a page is not
/// a start: accepting an invitation lands on the first lesson, which records it as the enrolment's last lesson. Every
/// "not started" / "in progress" (report, exports, a person's progress, cohort standing and reminders) reads this.
/// </summary>
public static class CourseStart
{
    /// <summary>The people with a record towards the course, as a subquery to use inside another query (no command of its own).</summary>
    public static IQueryable<string> StartedUserIds(AppDbContext db, string courseId) =>
        db.LessonCompletions.Where(l => l.CourseId == courseId).Select(l => l.UserId)
            .Concat(db.QuizResults.Where(r => r.CourseId == courseId).Select(r => r.UserId))
            .Concat(db.TaskAnswers.Where(t => t.CourseId == courseId).Select(t => t.UserId));

    /// <summary>The same test from one person's counts of those records (lessons done, quizzes tried, task answers saved).</summary>
    public static bool FromRecords(int lessonsDone, int quizzesTried, int taskAnswers) => lessonsDone > 0 || quizzesTried > 0 || taskAnswers > 0;
}
