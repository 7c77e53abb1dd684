using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RemoteGuidanceTraining.Web.Reports;

/// <summary>The one way the exports write a workbook: one sheet of <see cref="ExportCell"/> rows.</summary>
public static class XlsxSheet
{
    /// <summary>
    /// Written with the OpenXML SAX writer, row by row, so a big report does not build a document tree in memory.
    /// Numbers become number cells and dates date cells in the viewer's date format (<see cref="XlsxStyles"/>).
    /// </summary>
    public static void Write(Stream output, string sheetName, IEnumerable<IEnumerable<ExportCell>> rows)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        XlsxStyles.Add(workbook, CultureInfo.CurrentCulture);
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            foreach (var cells in rows)
            {
                WriteRow(writer, cells);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = XlsxStyles.SheetName(sheetName) }));
        workbook.Workbook.Save();
    }

    private static void WriteRow(OpenXmlWriter writer, IEnumerable<ExportCell> cells)
    {
        writer.WriteStartElement(new Row());
        foreach (var cell in cells)
        {
            writer.WriteElement(cell switch
            {
                { Number: { } n } => new Cell(new CellValue(n)) { DataType = CellValues.Number },
                { Local: { } local } => new Cell(new CellValue(local.ToOADate())) { StyleIndex = cell.WithTime ? XlsxStyles.DateTime : XlsxStyles.Date },
                _ => XlsxText.Cell(cell.Text),
            });
        }

        writer.WriteEndElement();
    }
}
