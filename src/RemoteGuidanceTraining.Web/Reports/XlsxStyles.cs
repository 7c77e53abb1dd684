using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RemoteGuidanceTraining.Web.Reports;

/// <summary>
/// The cell formats of the exported workbooks: a date and a date with time, in the order the viewer's language
/// writes them on screen (24.11.2026 in Finnish), so Excel shows dates as the page does and still sorts them as dates.
/// </summary>
public static class XlsxStyles
{
    /// <summary>Style index of a date cell.</summary>
    public const uint Date = 1;

    /// <summary>Style index of a date and time cell.</summary>
    public const uint DateTime = 2;

    public static void Add(WorkbookPart workbook, CultureInfo culture)
    {
        var format = culture.DateTimeFormat;
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164, FormatCode = ExcelDate(format.ShortDatePattern) },
                new NumberingFormat { NumberFormatId = 165, FormatCode = ExcelDate(format.ShortDatePattern) + " " + ExcelTime(format.ShortTimePattern) })
            { Count = 2 },
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true })
            { Count = 3 });
        styles.Stylesheet.Save();
    }

    /// <summary>A sheet name Excel accepts: at most 31 characters, none of []:*?/\.</summary>
    public static string SheetName(string name)
    {
        var clean = new string([.. name.Where(c => !"[]:*?/\\".Contains(c))]).Trim();
        return clean.Length == 0 ? "Sheet1" : clean[..Math.Min(31, clean.Length)];
    }

    // .NET and Excel share d, y and M for month, but Excel writes the month in lower case (it tells month from minute by position).
    private static string ExcelDate(string pattern) => pattern.Replace('M', 'm');

    // Excel's h is 24-hour unless the format has AM/PM.
    private static string ExcelTime(string pattern) => pattern.Replace("tt", "AM/PM").Replace('H', 'h');
}
