using System.Globalization;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Reports;

/// <summary>
/// One cell of an export: its text (the CSV and what the page shows) and, for the XLSX, the number or the Finnish
/// local date it stands for, so Excel can sum and sort it.
/// </summary>
public readonly record struct ExportCell(string Text, double? Number = null, DateTime? Local = null, bool WithTime = false)
{
    public static implicit operator ExportCell(string text) => new(text);

    public static ExportCell Of(int number) => new(number.ToString(CultureInfo.InvariantCulture), number);

    public static ExportCell Day(DateTime utc) => new(HelsinkiTime.Date(utc), Local: HelsinkiTime.FromUtc(utc).Date);

    public static ExportCell Moment(DateTime utc) => new(HelsinkiTime.DateAndTime(utc), Local: HelsinkiTime.FromUtc(utc), WithTime: true);
}
