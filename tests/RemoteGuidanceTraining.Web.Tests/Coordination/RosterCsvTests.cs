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

        Assert.Empty(result.Errors);
        Assert.Equal("Cohorts.Error.NoEmailColumn", result.Problem?.MessageKey);
    }

    [Fact]
    public void Old_Excel_Windows_1252_keeps_the_apostrophe_and_the_Sami_letters()
    {
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var result = RosterCsv.ParseFile(windows1252.GetBytes("sähköposti;nimi\nsean@example.ie;Seán O’Brien\nzaneta@example.fi;Šmmáš Žaneta\n"));

        Assert.Equal(["Seán O’Brien", "Šmmáš Žaneta"], result.Rows.Select(r => r.FullName));
    }

    [Theory]
    [InlineData("Etunimi;Sukunimi;Sähköposti")]
    [InlineData("Förnamn;Efternamn;E-post")]
    [InlineData("First name,Last name,Email")]
    public void First_and_last_name_columns_make_the_name(string header)
    {
        var separator = header.Contains(';', StringComparison.Ordinal) ? ';' : ',';
        var result = RosterCsv.ParseFile(Encoding.UTF8.GetBytes($"{header}\nLiisa{separator}Virtanen{separator}liisa@example.fi\nPekka{separator}{separator}pekka@example.fi\n"));

        Assert.Empty(result.Errors);
        Assert.Equal(["Liisa Virtanen", "Pekka"], result.Rows.Select(r => r.FullName));
    }

    [Fact]
    public void Several_typed_addresses_on_one_line_are_several_people()
    {
        var result = RosterCsv.ParseTyped("liisa@example.fi; pekka@example.fi; kaisa@example.fi\nmatti@example.fi;Matti Meikäläinen");

        Assert.Empty(result.Errors);
        Assert.Equal([("liisa@example.fi", (string?)null), ("pekka@example.fi", null), ("kaisa@example.fi", null), ("matti@example.fi", "Matti Meikäläinen")],
            result.Rows.Select(r => (r.Email, r.FullName)));
    }

    [Fact]
    public void Recipients_copied_with_their_names_keep_the_names()
    {
        // Outlook and most mail programs copy recipients as "Name <address>"; a coordinator pastes them as they are.
        var result = RosterCsv.ParseTyped("Liisa Lahti <liisa@example.fi>; \"Pekka Pekkanen\" <pekka@example.fi>; kaisa@example.fi\nMaija Mäki <maija@example.fi>");

        Assert.Empty(result.Errors);
        Assert.Equal([("liisa@example.fi", (string?)"Liisa Lahti"), ("pekka@example.fi", "Pekka Pekkanen"), ("kaisa@example.fi", null), ("maija@example.fi", "Maija Mäki")],
            result.Rows.Select(r => (r.Email, r.FullName)));
    }

    [Fact]
    public void A_quoted_name_with_a_comma_is_one_recipient_and_rows_keep_their_numbers()
    {
        // Found in review: "Last, First" directories are copied with the name in quotes, and the comma split it.
        var result = RosterCsv.ParseTyped("\"Lahti, Liisa\" <liisa@example.fi>, Pekka Pekkanen <pekka@example.fi>\nei-osoite\nx <a@example.fi> <c@example.fi>");

        Assert.Equal([("liisa@example.fi", (string?)"Lahti, Liisa"), ("pekka@example.fi", "Pekka Pekkanen")], result.Rows.Select(r => (r.Email, r.FullName)));
        // A name holding another address is not a recipient: refused on its own row, not imported under a wrong name.
        Assert.Equal([2, 3], result.Errors.Select(e => e.Row));
    }

    [Fact]
    public void A_typed_list_whose_first_line_is_a_bare_address_still_reads_the_names_of_the_next_lines()
    {
        var result = RosterCsv.ParseTyped("pia@example.fi\nulla@example.fi;Ulla U\nbo@example.fi, kim@example.fi");

        Assert.Empty(result.Errors);
        Assert.Equal([("pia@example.fi", (string?)null), ("ulla@example.fi", "Ulla U"), ("bo@example.fi", null), ("kim@example.fi", null)], result.Rows.Select(r => (r.Email, r.FullName)));
    }

    [Fact]
    public void Rows_pasted_from_a_spreadsheet_split_at_tabs_even_when_a_cell_holds_a_semicolon()
    {
        var result = RosterCsv.ParseTyped("pia@example.fi\tPia Pursiainen\tOulun kaupunki; opinto-ohjaus\r\nulla@example.fi\tUlla Uusi\tLapin AMK\r\n");

        Assert.Empty(result.Errors);
        Assert.Equal(
            [("pia@example.fi", (string?)"Pia Pursiainen", (string?)"Oulun kaupunki; opinto-ohjaus"), ("ulla@example.fi", "Ulla Uusi", "Lapin AMK")],
            result.Rows.Select(r => (r.Email, r.FullName, r.Organisation)));
    }

    [Fact]
    public void A_paste_mixing_typed_semicolon_lines_and_spreadsheet_rows_reads_each_line_by_its_own_separator()
    {
        var result = RosterCsv.ParseTyped("liisa@example.fi; Liisa Lahti\ntab@example.fi\tTabi Nimi\tJokin Org\npia@example.fi");

        Assert.Empty(result.Errors);
        Assert.Equal(
            [(1, "liisa@example.fi", (string?)"Liisa Lahti", (string?)null), (2, "tab@example.fi", "Tabi Nimi", "Jokin Org"), (3, "pia@example.fi", null, null)],
            result.Rows.Select(r => (r.Row, r.Email, r.FullName, r.Organisation)));
    }

    [Fact]
    public void Recipients_copied_from_outlook_keep_the_unquoted_comma_in_their_names()
    {
        var result = RosterCsv.ParseTyped("Virtanen, Ville <vv@example.org>; Laine, Liisa <ll@example.org>\nMäki, Maija <mm@example.org>");

        Assert.Empty(result.Errors);
        Assert.Equal(
            [("vv@example.org", (string?)"Virtanen, Ville"), ("ll@example.org", "Laine, Liisa"), ("mm@example.org", "Mäki, Maija")],
            result.Rows.Select(r => (r.Email, r.FullName)));
    }

    [Fact]
    public void A_name_or_organisation_that_is_an_address_is_refused_with_its_row()
    {
        var file = RosterCsv.ParseFile(Encoding.UTF8.GetBytes("sähköposti;nimi;organisaatio\nliisa@example.fi;pekka@example.fi;\nkaisa@example.fi;Kaisa;info@yritys.fi\n"));
        var typed = RosterCsv.ParseTyped("liisa@example.fi; Liisa Virtanen; pekka@example.fi");

        Assert.Empty(file.Rows);
        Assert.Equal([(2, "Cohorts.Error.NameIsEmail"), (3, "Cohorts.Error.OrganisationIsEmail")], file.Errors.Select(e => (e.Row, e.MessageKey)));
        Assert.Equal("Cohorts.Error.OrganisationIsEmail", Assert.Single(typed.Errors).MessageKey);
    }
}
