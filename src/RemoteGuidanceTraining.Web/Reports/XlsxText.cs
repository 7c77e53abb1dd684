using DocumentFormat.OpenXml.Spreadsheet;
using RemoteGuidanceTraining.Web.Security;

namespace RemoteGuidanceTraining.Web.Reports;

/// <summary>The text cells of the exported workbooks.</summary>
public static class XlsxText
{
    /// <summary>
    /// An inline string, which Excel never evaluates: a name starting with "=" stays text. Characters XML cannot hold
    /// are dropped (<see cref="ControlCharacters"/>): forms drop them too, but names and organisations stored before
    /// they did, or written straight into the database, would otherwise fail the whole download.
    /// </summary>
    public static Cell Cell(string text) => new(new InlineString(new Text(ControlCharacters.Without(text)))) { DataType = CellValues.InlineString };
}
