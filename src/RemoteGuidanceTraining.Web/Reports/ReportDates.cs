namespace RemoteGuidanceTraining.Web.Reports;

/// <summary>
/// The dates the report, the activity grid, the funder summary and the audit log take as filters: years 2000–2200.
/// Year 1 or 9999 is a typing error, and the day after 9999-12-31 does not exist.
/// </summary>
public static class ReportDates
{
    public static bool IsPlausible(DateOnly? date) => date is null || date.Value.Year is >= 2000 and <= 2200;
}
