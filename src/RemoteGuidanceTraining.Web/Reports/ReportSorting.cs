namespace RemoteGuidanceTraining.Web.Reports;

/// <summary>
/// The order of a report's rows: by the column the coordinator chose, then by address so that equal rows keep a
/// stable order between pages; descending is the whole order turned round. Names sort by the current culture
/// (Finnish: Å, Ä and Ö after Z); people with no activity come first, people not completed last.
/// </summary>
public static class ReportSorting
{
    public static List<ParticipantRow> Sort(IEnumerable<ParticipantRow> rows, ReportQuery query)
    {
        IOrderedEnumerable<ParticipantRow> sorted = query.Sort switch
        {
            "organisation" => rows.OrderBy(r => r.Organisation, StringComparer.CurrentCulture),
            "status" => rows.OrderBy(r => r.Status),
            "progress" => rows.OrderBy(r => r.Percent),
            "activity" => rows.OrderBy(r => r.LastActivityAtUtc ?? DateTime.MinValue),
            "cohort" => rows.OrderBy(r => r.Cohorts, StringComparer.CurrentCulture),
            "completed" => rows.OrderBy(r => r.CompletedAtUtc ?? DateTime.MaxValue),
            _ => rows.OrderBy(r => r.FullName, StringComparer.CurrentCulture),
        };
        var list = sorted.ThenBy(r => r.Email, StringComparer.Ordinal).ToList();
        if (query.Descending)
        {
            list.Reverse();
        }

        return list;
    }
}
