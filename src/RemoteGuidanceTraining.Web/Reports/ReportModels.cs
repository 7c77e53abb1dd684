namespace RemoteGuidanceTraining.Web.Reports;

/// <summary>What a coordinator asks for. Dates are Finnish calendar dates on the enrolment day.</summary>
public sealed record ReportQuery(
    string CourseId,
    int? CohortId = null,
    string? Organisation = null,
    string? Region = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string Sort = "name",
    bool Descending = false,
    int Page = 1);

public enum ParticipantStatus
{
    NotStarted,
    InProgress,
    Completed,
}

public sealed record ParticipantRow(
    string UserId,
    string FullName,
    string Email,
    string? Organisation,
    string? Region,
    ParticipantStatus Status,
    int Percent,
    DateTime EnrolledAtUtc,
    DateTime LastActivityAtUtc,
    DateTime? CompletedAtUtc,
    IReadOnlyDictionary<string, int> BestScores,
    int TasksSubmitted,
    string? CertificateCode,
    string? MailStatus);

public sealed record ModuleProgress(string ModuleId, string Title, int Reached);

public sealed record CourseReport(
    ReportQuery Query,
    string CourseTitle,
    IReadOnlyList<string> QuizIds,
    int TaskCount,
    int Enrolled,
    int Started,
    int Completed,
    double? MedianDaysToComplete,
    IReadOnlyList<ModuleProgress> Modules,
    IReadOnlyList<ParticipantRow> Rows)
{
    /// <summary>Rows in their sorted order; details (scores, certificate, mail) are filled for <see cref="PageRows"/> or, for exports, all.</summary>
    public const int PageSize = 50;

    public int CompletionRatePercent => Enrolled == 0 ? 0 : (int)Math.Round(Completed * 100.0 / Enrolled);

    public int PageCount => Math.Max(1, (Rows.Count + PageSize - 1) / PageSize);

    public IEnumerable<ParticipantRow> PageRows => Rows.Skip((Math.Clamp(Query.Page, 1, PageCount) - 1) * PageSize).Take(PageSize);
}
