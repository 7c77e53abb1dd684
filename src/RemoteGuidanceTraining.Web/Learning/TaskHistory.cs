using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>Every submitted version of an answer, every trainer feedback on it and the peer feedback it received.</summary>
public sealed record TaskHistory(IReadOnlyList<TaskAnswerVersion> Versions, IReadOnlyList<FeedbackEntry> Feedback, IReadOnlyList<PeerFeedbackShown> PeerReceived)
{
    public static readonly TaskHistory Empty = new([], [], []);

    /// <summary>Versions and the feedback given on each, oldest first: the order in which it happened.</summary>
    public IEnumerable<(TaskAnswerVersion Version, IReadOnlyList<FeedbackEntry> Feedback)> Rounds() =>
        Versions.Select(v => (v, (IReadOnlyList<FeedbackEntry>)Feedback.Where(f => f.VersionNumber == v.Number).ToList()));
}

/// <summary>One trainer feedback; <c>ByName</c> only where the reader may see it (the trainer's pages).</summary>
public sealed record FeedbackEntry(int VersionNumber, TaskReviewState Decision, string Text, IReadOnlyList<CriterionComment> Criteria, DateTime GivenAtUtc, string? ByName)
{
    public static FeedbackEntry Of(TaskFeedback f, string? byName) =>
        new(f.VersionNumber, f.Decision, f.Text, CriteriaOf(f.CriteriaJson), f.GivenAtUtc, byName);

    private static IReadOnlyList<CriterionComment> CriteriaOf(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<CriterionComment>>(json) ?? [];
        }
        catch (JsonException)
        {
            return []; // written by this code only; a damaged row shows the general comment rather than failing the page
        }
    }
}

/// <summary>A trainer's comment on one rubric criterion; the criterion as plain text, as it read when the feedback was given.</summary>
public sealed record CriterionComment(string Criterion, string Comment);

/// <summary>Peer feedback as a reader sees it: <c>Name</c> is null where names are hidden.</summary>
public sealed record PeerFeedbackShown(string? Name, string Text, DateTime GivenAtUtc);

/// <summary>What the participant's lesson page shows of one task beyond the answer row: history and peer feedback.</summary>
public sealed record ParticipantTaskExtras(TaskHistory History, int PeerAssigned, int PeerGiven)
{
    public static readonly ParticipantTaskExtras None = new(TaskHistory.Empty, 0, 0);
}

/// <summary>
/// A participant's answers to a lesson's tasks, with their history and peer feedback where there is any: the lesson
/// page reads them in place of the plain answers. Reviewers' names leave the database only for tasks that show them.
/// </summary>
public static class TaskHistoryQuery
{
    /// <summary>
    /// The history and peer feedback of the lesson's answers that have any, read in one more command; those answers are
    /// replaced in <paramref name="answers"/> (read plainly with the rest of the lesson, by task id) by their full rows.
    /// Without peer feedback most answers have no history yet (one version, no trainer feedback), and TaskReview sets
    /// FeedbackAtUtc with every feedback, so the row tells; an answer to a peer-feedback task may have received peer
    /// feedback, so it is always read again.
    /// </summary>
    public static async Task<Dictionary<string, ParticipantTaskExtras>> AddHistoryAsync(
        AppDbContext db, string userId, string courseId, Lesson lesson, Dictionary<string, TaskAnswer> answers, CancellationToken cancellationToken)
    {
        var extras = answers.Keys.ToDictionary(id => id, _ => ParticipantTaskExtras.None);
        var withHistory = lesson.Tasks
            .Where(t => answers.GetValueOrDefault(t.Id) is { } a && (t.Peer > 0 || a.VersionCount > 1 || a.FeedbackAtUtc is not null))
            .ToList();
        if (withHistory.Count == 0)
        {
            return extras;
        }

        var namesShown = withHistory.Where(t => t.PeerNamesShown).Select(t => t.Id).ToList();
        await foreach (var r in _answers(db, userId, courseId, withHistory.Select(t => t.Id).ToList(), namesShown).WithCancellation(cancellationToken))
        {
            answers[r.Answer.TaskId] = r.Answer;
            extras[r.Answer.TaskId] = new ParticipantTaskExtras(
                new TaskHistory(r.Versions, r.Feedback.Select(f => FeedbackEntry.Of(f, null)).ToList(),
                    r.Peer.Select(p => new PeerFeedbackShown(p.Name, p.Text ?? "", p.GivenAtUtc!.Value)).ToList()),
                r.Assigned, r.Given);
        }

        return extras;
    }

    // Compiled once, like the lesson page's other reads: hashing and translating this query's large expression tree on
    // every view cost several times its SQL.
    private static readonly Func<AppDbContext, string, string, List<string>, List<string>, IAsyncEnumerable<AnswerRow>> _answers =
        EF.CompileAsyncQuery((AppDbContext db, string userId, string courseId, List<string> taskIds, List<string> namesShown) =>
            db.TaskAnswers.AsNoTracking().Where(a => a.UserId == userId && a.CourseId == courseId && taskIds.Contains(a.TaskId)).Select(a => new AnswerRow
            {
                Answer = a,
                Versions = db.TaskAnswerVersions.Where(v => v.TaskAnswerId == a.Id).OrderBy(v => v.Number).ToList(),
                Feedback = db.TaskFeedbacks.Where(f => f.TaskAnswerId == a.Id).OrderBy(f => f.GivenAtUtc).ToList(),
                // A scalar subquery for the name, not a join: SQLite cannot run the APPLY a correlated join would need.
                Peer = db.PeerReviews.Where(p => p.TaskAnswerId == a.Id && p.GivenAtUtc != null).OrderBy(p => p.GivenAtUtc)
                    .Select(p => new PeerRow
                    {
                        Name = namesShown.Contains(p.TaskId) ? db.Users.Where(u => u.Id == p.ReviewerUserId).Select(u => u.FullName).FirstOrDefault() : null,
                        Text = p.Text,
                        GivenAtUtc = p.GivenAtUtc,
                    }).ToList(),
                Assigned = db.PeerReviews.Count(p => p.ReviewerUserId == a.UserId && p.CourseId == a.CourseId && p.TaskId == a.TaskId),
                Given = db.PeerReviews.Count(p => p.ReviewerUserId == a.UserId && p.CourseId == a.CourseId && p.TaskId == a.TaskId && p.GivenAtUtc != null),
            }).AsSingleQuery());

    private sealed class AnswerRow
    {
        public TaskAnswer Answer { get; init; } = null!;

        public List<TaskAnswerVersion> Versions { get; init; } = [];

        public List<TaskFeedback> Feedback { get; init; } = [];

        public List<PeerRow> Peer { get; init; } = [];

        public int Assigned { get; init; }

        public int Given { get; init; }
    }

    private sealed class PeerRow
    {
        public string? Name { get; init; }

        public string? Text { get; init; }

        public DateTime? GivenAtUtc { get; init; }
    }
}
