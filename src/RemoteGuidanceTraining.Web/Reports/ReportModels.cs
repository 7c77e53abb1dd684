using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Reports;

/// <summary>
/// What a coordinator asks for. Dates are Finnish calendar dates: From/To on the enrolment day,
/// CompletedFrom/CompletedTo on the completion day (a funder asks "completed between 1.1. and 31.3.").
/// Organisation is the text as typed; OrganisationNames the organisations' own spellings it stands for
/// (<see cref="ReportService.MatchOrganisations"/>), which the database compares exactly.
/// </summary>
public sealed record ReportQuery(
    string CourseId,
    int? CohortId = null,
    string? Organisation = null,
    string? Region = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string Sort = "name",
    bool Descending = false,
    int Page = 1,
    DateOnly? CompletedFrom = null,
    DateOnly? CompletedTo = null,
    IReadOnlyList<string>? OrganisationNames = null);

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
    DateTime? LastActivityAtUtc,
    DateTime? CompletedAtUtc,
    IReadOnlyDictionary<string, int> BestScores,
    int TasksDone,
    string? CertificateCode,
    string? MailStatus,
    string Cohorts = "",
    DateTime? CertificateRevokedAtUtc = null);

/// <summary>A quiz as a report column: its readable title, keyed by id.</summary>
public sealed record QuizColumn(string Id, string Title);

public sealed record ModuleProgress(string ModuleId, string Title, int Reached);

public sealed record CourseReport(
    ReportQuery Query,
    string CourseTitle,
    IReadOnlyList<QuizColumn> Quizzes,
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

    public int CompletionRatePercent => Percentages.Of(Completed, Enrolled);

    /// <summary>The rows of the page asked for (<see cref="ReportQuery.Page"/>).</summary>
    public Paging.PagedList<ParticipantRow> Page => Paging.PagedList<ParticipantRow>.Of(Rows, Query.Page, PageSize);

    public IReadOnlyList<ParticipantRow> PageRows => Page.Rows;
}
