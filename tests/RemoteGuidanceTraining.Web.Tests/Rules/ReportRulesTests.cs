using RemoteGuidanceTraining.Web.Learning;
using RemoteGuidanceTraining.Web.Localization;
using RemoteGuidanceTraining.Web.Paging;
using RemoteGuidanceTraining.Web.Reports;

namespace RemoteGuidanceTraining.Web.Tests.Rules;

/// <summary>Report sorting, percentages and paging as tables: no site, no database, milliseconds.</summary>
public sealed class ReportRulesTests
{
    private static readonly DateTime _day = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    // name, e-mail, organisation, status, percent, last activity (days after _day, -1 none), completed (days, -1 none), cohorts
    private static readonly ParticipantRow[] _rows =
    [
        Row("Öystilä Åke", "c@example.fi", "Tornio", ParticipantStatus.InProgress, 40, 3, -1, "Kevät"),
        Row("Aalto Aino", "a@example.fi", "Kemi", ParticipantStatus.Completed, 100, 5, 4, "Syksy"),
        Row("Zetterberg Zoe", "b@example.fi", "Ähtäri", ParticipantStatus.NotStarted, 0, -1, -1, ""),
        Row("Åberg Anna", "d@example.fi", "Alavus", ParticipantStatus.InProgress, 75, 1, -1, "Kevät, Syksy"),
        Row("Aalto Aino", "0@example.fi", "Kemi", ParticipantStatus.InProgress, 10, 2, -1, "Syksy"), // same name: by address
    ];

    [Theory]
    [InlineData("name", false, "0,a,b,d,c")] // Finnish order: Z, then Å, Ä, Ö
    [InlineData("name", true, "c,d,b,a,0")]
    [InlineData("unknown", false, "0,a,b,d,c")] // an unknown column sorts by name
    [InlineData("organisation", false, "d,0,a,c,b")]
    [InlineData("status", false, "b,0,c,d,a")]
    [InlineData("progress", false, "b,0,c,d,a")]
    [InlineData("progress", true, "a,d,c,0,b")]
    [InlineData("activity", false, "b,d,0,c,a")] // no activity first
    [InlineData("completed", false, "a,0,b,c,d")] // not completed last, in address order
    [InlineData("cohort", false, "b,c,d,0,a")]
    public void Rows_sort_by_the_chosen_column_then_by_address(string column, bool descending, string expected)
    {
        using (Cultures.Use("fi"))
        {
            var sorted = ReportSorting.Sort(_rows, new ReportQuery("kurssi", Sort: column, Descending: descending));
            Assert.Equal(expected, string.Join(",", sorted.Select(r => r.Email[..1])));
        }
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(0, 7, 0)]
    [InlineData(1, 3, 33)]
    [InlineData(2, 3, 67)] // to the nearest: a coordinator reading "66 %" for 2 of 3 takes it for a mistake
    [InlineData(1, 8, 13)] // 12.5: halves away from zero
    [InlineData(199, 200, 99)] // nobody reads 100 % before everything is done
    [InlineData(1, 300, 1)] // nor 0 % once something is
    [InlineData(3, 3, 100)]
    [InlineData(5, 3, 100)] // more than the whole (a requirement removed since) stays at 100
    [InlineData(-1, 3, 0)]
    public void Percentages_round_to_the_nearest_but_reach_100_and_leave_0_only_when_true(long part, long whole, int expected) =>
        Assert.Equal(expected, Percentages.Of(part, whole));

    [Theory]
    [InlineData(0, 1, 1, 1)]
    [InlineData(50, 1, 1, 1)]
    [InlineData(51, 2, 2, 2)]
    [InlineData(120, 3, 3, 3)]
    [InlineData(120, 999, 3, 3)] // past the end: the last page
    [InlineData(120, 0, 1, 3)]
    [InlineData(120, -5, 1, 3)]
    public void A_page_number_is_brought_into_range(int total, int asked, int page, int pages) =>
        Assert.Equal((page, pages), PageMath.Of(total, asked, 50));

    [Fact]
    public void A_page_of_a_list_holds_its_rows_and_the_whole_count()
    {
        var page = PagedList<int>.Of([.. Enumerable.Range(1, 120)], 3, 50);
        Assert.Equal(Enumerable.Range(101, 20), page.Rows);
        Assert.Equal((120, 3, 3), (page.Total, page.PageNumber, page.PageCount));
    }

    private static ParticipantRow Row(string name, string email, string organisation, ParticipantStatus status, int percent, int activeDay, int completedDay, string cohorts) =>
        new(email, name, email, organisation, null, status, percent, _day,
            activeDay < 0 ? null : _day.AddDays(activeDay), completedDay < 0 ? null : _day.AddDays(completedDay),
            new Dictionary<string, int>(), 0, null, null, cohorts);
}
