using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Web.Authoring;

/// <summary>
/// What a change would do to the people already on a published course: ids (lessons, quizzes, questions, tasks)
/// whose progress would start over; quizzes whose questions change, so that results people have on them stop
/// counting; and, when the change makes the course a draft, how many people still on the course (enrolled, not
/// completed) would lose its pages. Each needs the editor's confirmation before the change is saved; ids that
/// disappear only when someone has progress on them (otherwise nothing starts over, and the ids are just named).
/// </summary>
public sealed record SaveWarnings(IReadOnlyList<string> RemovedIds, int? InProgressLosingAccess, IReadOnlyList<CourseProblem> Problems)
{
    public static readonly SaveWarnings None = new([], null, []);

    /// <summary>"quiz/question" of each question whose content changes ("quiz" alone when only the order does).</summary>
    public IReadOnlyList<string> ChangedQuestions { get; init; } = [];

    /// <summary>How many people have a result on the current version of those quizzes, a result that stops counting.</summary>
    public int PeopleWithResults { get; init; }

    public bool ResultsStopCounting => ChangedQuestions.Count > 0;

    /// <summary>People with a completed lesson, a quiz result or a task answer on the ids that disappear.</summary>
    public int PeopleWithProgress { get; init; }

    /// <summary>
    /// For each task that disappears, how many answers participants have on it: the confirmation names them, since
    /// an answer is written work, not just a tick (what becomes of them: <c>Workspace.Edit.TaskAnswersKept</c>).
    /// </summary>
    public IReadOnlyList<RemovedTaskAnswers> RemovedTaskAnswers { get; init; } = [];

    /// <summary>Ids disappear and someone's progress on them starts over: that needs the editor's confirmation.</summary>
    public bool ProgressStartsOver => RemovedIds.Count > 0 && PeopleWithProgress > 0;

    public bool BecomesDraft => InProgressLosingAccess is not null;

    /// <summary>
    /// The change takes the editor herself out of course.yml's <c>editors:</c>: after saving she can no longer open
    /// the course, and only an admin can put her back. Asked of drafts too, and never of admins (they edit every course).
    /// </summary>
    public bool LosesEditing { get; init; }

    /// <summary>The message above the warnings: the ids' one when progress on them starts over, otherwise "confirm first".</summary>
    public string MessageKey => ProgressStartsOver ? "Workspace.Edit.IdsRemoved" : "Workspace.Edit.ConfirmFirst";

    /// <summary>The ids box's value: the ids it confirms (ids are slugs, without commas).</summary>
    public string IdsConfirmation => string.Join(',', RemovedIds);

    /// <summary>The questions box's value: the questions it confirms.</summary>
    public string QuestionsConfirmation => string.Join(',', ChangedQuestions);

    /// <summary>The ids box was ticked when it named the ids that disappear now.</summary>
    public bool ConfirmsIds(string? ticked) => ticked == IdsConfirmation;

    /// <summary>The questions box was ticked when it named the questions that change now.</summary>
    public bool ConfirmsQuestions(string? ticked) => ticked == QuestionsConfirmation;

    /// <summary>
    /// Only the warnings <paramref name="given"/> already confirms as they read now: what a save refused for errors
    /// shows, so it asks nothing new and the trainer's ticks survive until the errors are fixed.
    /// </summary>
    public SaveWarnings ConfirmedOnly(Confirmations given) => this with
    {
        RemovedIds = ProgressStartsOver && ConfirmsIds(given.Ids) ? RemovedIds : [],
        InProgressLosingAccess = given.Draft ? InProgressLosingAccess : null,
        ChangedQuestions = ResultsStopCounting && ConfirmsQuestions(given.Questions) ? ChangedQuestions : [],
        LosesEditing = LosesEditing && given.Editing,
    };

    /// <summary>True when a warning is present that the editor has not confirmed as it reads now.</summary>
    public bool Unconfirmed(Confirmations given) =>
        (ProgressStartsOver && !ConfirmsIds(given.Ids)) || (BecomesDraft && !given.Draft) || (ResultsStopCounting && !ConfirmsQuestions(given.Questions))
        || (LosesEditing && !given.Editing);
}

/// <summary>Answers on a task that a change removes: submitted ones (at least once) and drafts never submitted.</summary>
public sealed record RemovedTaskAnswers(string TaskId, int Submitted, int Drafts)
{
    public int Total => Submitted + Drafts;
}

/// <summary>
/// The "save anyway" boxes the editor ticked. The ids and questions boxes post the list their warning named, so a
/// tick confirms that list and no other: text changed meanwhile that removes other ids or changes other questions
/// is asked again, with the box unticked. Becoming a draft and leaving the editors say the same whatever the text.
/// The counts of people are not part of what is confirmed: others' progress moves them between two posts.
/// </summary>
public sealed record Confirmations(string? Ids, bool Draft, string? Questions, bool Editing)
{
    public static readonly Confirmations None = new(null, false, null, false);
}

/// <summary>The warnings shown above a save, restore or deletion and the boxes ticked when it was last posted.</summary>
public sealed record SaveWarningsView(SaveWarnings Warnings, Confirmations Ticked);

/// <summary>
/// A change checked before it is saved: the course loaded with it (its problems are what the page lists), whether the
/// save would be refused for errors, and the warnings to confirm. A refused change does not load, so its warnings
/// say only whether the editor would leave course.yml's editors (as far as a text that may not be YAML tells).
/// </summary>
public sealed record SaveCheck(CourseLoadResult Result, bool Refused, SaveWarnings Warnings);

public sealed partial class CourseWorkspace
{
    /// <summary>
    /// What Save and Restore ask before saving: errors first, then the warnings. A text that cannot be read (course.yml
    /// that is not YAML has no editors) would otherwise ask to confirm leaving the editors of a save refused anyway.
    /// </summary>
    public async Task<SaveCheck> CheckSaveAsync(Editor editor, WorkspaceCourse course, IReadOnlyDictionary<string, string> changes, CancellationToken cancellationToken)
    {
        var (result, refused) = Check(course.Id, course.Folder, changes);
        var warnings = refused ? SaveWarnings.None : await WarningsAsync(course, result, cancellationToken);
        return new SaveCheck(result, refused, warnings with { LosesEditing = LosesEditing(editor, changes) });
    }

    /// <summary>True when a new course.yml in <paramref name="changes"/> no longer lets the (non-admin) editor edit the course.</summary>
    public static bool LosesEditing(Editor editor, IReadOnlyDictionary<string, string> changes) =>
        changes.TryGetValue("course.yml", out var courseYml) && !MayEdit(editor, CourseHeader.Parse(courseYml).Editors);

    /// <summary>
    /// The warnings for a change to a course participants are on, from its validation (<paramref name="check"/>). A
    /// draft, or a course not served (it has errors), has nobody to warn about.
    /// </summary>
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
        var (changed, people) = await ChangedQuestionsAsync(course.Id, before, after, cancellationToken);
        var removed = RemovedIdsOf(before, after);
        return new SaveWarnings(removed, losingAccess, check.Problems)
        {
            ChangedQuestions = changed,
            PeopleWithResults = people,
            PeopleWithProgress = removed.Count > 0 ? await PeopleWithProgressAsync(course.Id, before, after, cancellationToken) : 0,
            RemovedTaskAnswers = removed.Count > 0 ? await RemovedTaskAnswersAsync(course.Id, RemovedTasksOf(before, after), cancellationToken) : [],
        };
    }

    /// <summary>
    /// The questions of quizzes kept under the same id whose content hash changes (<see cref="Quiz.ContentHash"/>:
    /// each question's id and content, in order), and how many people have a result on such a quiz's current
    /// version. Progress counts only results of the current hash, so exactly these results stop counting. Nothing
    /// is reported when nobody has a result yet: then nothing is lost.
    /// </summary>
    private async Task<(IReadOnlyList<string> Changed, int People)> ChangedQuestionsAsync(string courseId, Course before, Course after, CancellationToken cancellationToken)
    {
        var afterQuizzes = after.Quizzes.ToDictionary(q => q.Id);
        var changedQuizzes = before.Quizzes.Where(q => afterQuizzes.TryGetValue(q.Id, out var now) && now.ContentHash != q.ContentHash).ToList();
        if (changedQuizzes.Count == 0)
        {
            return ([], 0);
        }

        // One row per person, quiz and version (QuizResult); the hashes narrow it to the current versions, and the
        // exact quiz–hash pairs are matched here, since a hash alone does not name its quiz.
        var quizIds = changedQuizzes.Select(q => q.Id).ToList();
        var hashes = changedQuizzes.Select(q => q.ContentHash).ToList();
        var results = await db.QuizResults
            .Where(r => r.CourseId == courseId && quizIds.Contains(r.QuizId) && hashes.Contains(r.QuizHash))
            .Select(r => new { r.UserId, r.QuizId, r.QuizHash }).ToListAsync(cancellationToken);
        var current = changedQuizzes.ToDictionary(q => q.Id, q => q.ContentHash);
        var people = results.Where(r => current[r.QuizId] == r.QuizHash).Select(r => r.UserId).Distinct().Count();
        return people == 0 ? ([], 0) : (changedQuizzes.SelectMany(q => ChangedQuestionsOf(q, afterQuizzes[q.Id])).ToList(), people);
    }

    /// <summary>
    /// Distinct people with a completion, quiz result or task answer on a lesson, quiz or task the change removes,
    /// or a result on a quiz that loses a question (a question's progress is its quiz's result).
    /// </summary>
    private async Task<int> PeopleWithProgressAsync(string courseId, Course before, Course after, CancellationToken cancellationToken)
    {
        var keptQuestions = after.Quizzes.SelectMany(q => q.Questions).Select(q => q.Id).ToHashSet();
        var lessons = before.Lessons.Select(l => l.Id).Except(after.Lessons.Select(l => l.Id)).ToList();
        var quizzes = before.Quizzes.Select(q => q.Id).Except(after.Quizzes.Select(q => q.Id))
            .Concat(before.Quizzes.Where(q => q.Questions.Any(question => !keptQuestions.Contains(question.Id))).Select(q => q.Id)).Distinct().ToList();
        var tasks = RemovedTasksOf(before, after);
        return await db.LessonCompletions.Where(c => c.CourseId == courseId && lessons.Contains(c.LessonId)).Select(c => c.UserId)
            .Union(db.QuizResults.Where(r => r.CourseId == courseId && quizzes.Contains(r.QuizId)).Select(r => r.UserId))
            .Union(db.TaskAnswers.Where(a => a.CourseId == courseId && tasks.Contains(a.TaskId)).Select(a => a.UserId))
            .Distinct().CountAsync(cancellationToken);
    }

    private static List<string> RemovedTasksOf(Course before, Course after) =>
        before.Tasks.Select(t => t.Id).Except(after.Tasks.Select(t => t.Id)).ToList();

    /// <summary>
    /// Answers (one row per person and task) on the removed tasks, in the order the course had them; a task nobody
    /// answered is left out. One grouped query, asked only when ids disappear.
    /// </summary>
    private async Task<IReadOnlyList<RemovedTaskAnswers>> RemovedTaskAnswersAsync(string courseId, List<string> tasks, CancellationToken cancellationToken)
    {
        if (tasks.Count == 0)
        {
            return [];
        }

        var counts = await db.TaskAnswers.Where(a => a.CourseId == courseId && tasks.Contains(a.TaskId))
            .GroupBy(a => a.TaskId)
            .Select(g => new { TaskId = g.Key, Submitted = g.Count(a => a.SubmittedAtUtc != null), Drafts = g.Count(a => a.SubmittedAtUtc == null) })
            .ToDictionaryAsync(x => x.TaskId, cancellationToken);
        return tasks.Where(counts.ContainsKey).Select(id => new RemovedTaskAnswers(id, counts[id].Submitted, counts[id].Drafts)).ToList();
    }

    private static IEnumerable<string> ChangedQuestionsOf(Quiz before, Quiz after)
    {
        var old = before.Questions.ToDictionary(q => q.Id, q => q.ContentHash);
        var changed = after.Questions.Where(q => old.GetValueOrDefault(q.Id) != q.ContentHash).Select(q => q.Id)
            .Concat(old.Keys.Except(after.Questions.Select(q => q.Id))).Select(id => $"{before.Id}/{id}").ToList();
        return changed.Count > 0 ? changed : [before.Id];
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
