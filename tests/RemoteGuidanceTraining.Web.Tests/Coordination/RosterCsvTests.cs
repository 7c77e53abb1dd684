using System.Text;
using RemoteGuidanceTraining.Web.Cohorts;

namespace RemoteGuidanceTraining.Web.Tests.Coordination;

public sealed class RosterCsvTests
{
    [Fact]
    public void Excel_UTF8_with_BOM_and_semicolons_reads_with_Finnish_letters()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Sähköposti;Nimi;Organisaatio\r\nanni@example.fi;Änni Öhman;Ylöjärven kaupunki\r\n")).ToArray();

        var result = RosterCsv.ParseFile(bytes);

        Assert.Empty(result.Errors);
        var row = Assert.Single(result.Rows);
        Assert.Equal((2, "anni@example.fi", "Änni Öhman", "Ylöjärven kaupunki"), (row.Row, row.Email, row.FullName, row.Organisation));
    }

    [Fact]
    public void Commas_without_BOM_and_English_headers_work_too()
    {
        var result = RosterCsv.ParseFile(Encoding.UTF8.GetBytes("email,full name,organisation\nbo@example.fi,Bo Åberg,Vasa stad\n"));

        Assert.Equal("Bo Åberg", Assert.Single(result.Rows).FullName);
    }

    [Fact]
    public void Old_Excel_Windows_1252_is_read_as_such()
    {
        var result = RosterCsv.ParseFile(Encoding.Latin1.GetBytes("sähköposti;nimi\nmaija@example.fi;Maija Mäkelä\n"));

        Assert.Equal("Maija Mäkelä", Assert.Single(result.Rows).FullName);
    }

    [Fact]
    public void Every_bad_row_is_reported_with_its_spreadsheet_row_number()
    {
        var result = RosterCsv.ParseFile(Encoding.UTF8.GetBytes("sähköposti;nimi\nok@example.fi;Oikea\nei-osoite;Väärä\nok@example.fi;Tupla\n"));

        Assert.Single(result.Rows);
        Assert.Equal([(3, "Cohorts.Error.NotEmail"), (4, "Cohorts.Error.Duplicate")], result.Errors.Select(e => (e.Row, e.MessageKey)));
    }

    [Fact]
    public void A_file_without_an_email_column_says_so()
    {
        var result = RosterCsv.ParseFile(Encoding.UTF8.GetBytes("nimi;puhelin\nMaija;040\n"));

        Assert.Equal("Cohorts.Error.NoEmailColumn", Assert.Single(result.Errors).MessageKey);
    }
}
