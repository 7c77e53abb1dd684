using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Web.Authoring;

/// <summary>
/// What a change would do to the people already on a published course: ids (lessons, quizzes, questions, tasks)
/// whose progress would start over, and, when the change makes the course a draft, how many people still on the
/// course (enrolled, not completed) would lose its pages. Each needs the editor's confirmation before the change is saved.
/// </summary>
public sealed record SaveWarnings(IReadOnlyList<string> RemovedIds, int? InProgressLosingAccess, IReadOnlyList<CourseProblem> Problems)
{
    public static readonly SaveWarnings None = new([], null, []);

    public bool BecomesDraft => InProgressLosingAccess is not null;

    /// <summary>The message above the warnings: the ids' one when ids go, otherwise "confirm first".</summary>
    public string MessageKey => RemovedIds.Count > 0 ? "Workspace.Edit.IdsRemoved" : "Workspace.Edit.ConfirmFirst";

    /// <summary>True when a warning is present that the editor has not confirmed.</summary>
    public bool Unconfirmed(bool confirmIds, bool confirmDraft) =>
        (RemovedIds.Count > 0 && !confirmIds) || (BecomesDraft && !confirmDraft);
}

public sealed partial class CourseWorkspace
{
    /// <summary>
    /// The warnings for saving <paramref name="changes"/> to a course participants are on. A draft, or a course
    /// not served (it has errors), has nobody to warn about. Save and Restore both ask this, so they ask the same.
    /// </summary>
    public Task<SaveWarnings> WarningsAsync(WorkspaceCourse course, IReadOnlyDictionary<string, string> changes, CancellationToken cancellationToken) =>
        IsServedPublished(course) ? WarningsAsync(course, Validate(course.Id, course.Folder, changes), cancellationToken) : Task.FromResult(SaveWarnings.None);

    /// <summary>The same, from a validation already made (the preview has one).</summary>
    public async Task<SaveWarnings> WarningsAsync(WorkspaceCourse course, CourseLoadResult check, CancellationToken cancellationToken)
    {
        var before = Catalog.Find(course.Id);
        if (!IsServedPublished(course) || before is null)
        {
            return SaveWarnings.None;
        }

        if (check.Course is not { } after)
        {
            return SaveWarnings.None with { Problems = check.Problems };
        }

        // Those in the middle of the course: a completion stays whatever the course becomes, so the people it
        // would interrupt are the enrolled who have not completed. (Enrolments have no other state: leaving a
        // cohort keeps the enrolment, and deleting an account deletes it.)
        int? losingAccess = after.IsDraft
            ? await db.Enrollments.CountAsync(e => e.CourseId == course.Id
                && !db.CourseCompletions.Any(c => c.CourseId == e.CourseId && c.UserId == e.UserId), cancellationToken)
            : null;
        return new SaveWarnings(RemovedIdsOf(before, after), losingAccess, check.Problems);
    }

    private bool IsServedPublished(WorkspaceCourse course) => !course.IsDraft && Catalog.Find(course.Id) is { IsDraft: false };

    /// <summary>Lesson, quiz, question and task ids of the served course that the changed course no longer has.</summary>
    private static IReadOnlyList<string> RemovedIdsOf(Course? before, Course? after)
    {
        if (before is null || after is null)
        {
            return [];
        }

        static IEnumerable<string> Ids(Course c) => c.Lessons.Select(l => l.Id)
            .Concat(c.Quizzes.Select(q => q.Id)).Concat(c.Quizzes.SelectMany(q => q.Questions).Select(q => q.Id))
            .Concat(c.Tasks.Select(x => x.Id));
        return Ids(before).Except(Ids(after)).ToList();
    }
}
