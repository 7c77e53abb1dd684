using System.ComponentModel.DataAnnotations;
using System.Text;
using CsvHelper;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Security;

namespace RemoteGuidanceTraining.Web.Cohorts;

/// <summary>One person to add to a cohort, with the row it came from (row 1 is the header in a file).</summary>
public sealed record RosterRow(int Row, string Email, string? FullName, string? Organisation)
{
    /// <summary>The name a new account gets: the typed one, else the address (cut to a name's length).</summary>
    public string NameOrAddress => FullName ?? (Email.Length <= Data.FieldLengths.Name ? Email : Email[..Data.FieldLengths.Name]);
}

/// <summary>A row that cannot be imported: a resource key ("Cohorts.Error.*") and the values its text needs.</summary>
public sealed record RosterError(int Row, string MessageKey, params object[] Values);

/// <summary>
/// A problem with the whole list (no file, too large, no address column, nobody in it): one message ("Cohorts.*"),
/// shown without a row number, as it is no row's fault.
/// </summary>
public sealed record RosterProblem(string MessageKey, params object[] Values);

public sealed record RosterParseResult(IReadOnlyList<RosterRow> Rows, IReadOnlyList<RosterError> Errors, RosterProblem? Problem = null);

/// <summary>
/// Reads a participant list the way Finnish Excel writes it: UTF-8 with or without BOM (older Excel's
/// Windows-1252 is accepted too), separated by semicolons or commas, with Finnish, Swedish or English headers; a
/// name may come whole or as first and last name columns. A typed line of addresses only (recipients copied from
/// Outlook) is one person per address. Every bad row is reported with its row number, a file without an address
/// column as a problem of the whole list; the caller imports nothing until the list is clean.
/// </summary>
public static class RosterCsv
{
    private static readonly string[] _emailHeaders = ["email", "e-mail", "sähköposti", "sähköpostiosoite", "s-posti", "e-post"];
    private static readonly string[] _nameHeaders = ["full name", "fullname", "name", "nimi", "koko nimi", "namn"];
    private static readonly string[] _firstNameHeaders = ["etunimi", "etunimet", "förnamn", "first name", "firstname", "given name"];
    private static readonly string[] _lastNameHeaders = ["sukunimi", "efternamn", "last name", "lastname", "surname", "family name"];
    private static readonly string[] _organisationHeaders = ["organisation", "organization", "organisaatio", "organisation/yritys"];

    // Windows-1252 ships with the shared framework (System.Text.Encoding.CodePages); no registration needed to ask for it.
    private static readonly Encoding _windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    public static RosterParseResult ParseFile(byte[] bytes) => ParseWithHeader(Decode(bytes));

    /// <summary>
    /// Typed lines: "address", "address; full name; organisation", a row pasted from a spreadsheet (tabs), or a line
    /// of recipients as mail programs copy them ("Name &lt;address&gt;", "\"Last, First\" &lt;address&gt;",
    /// "Last, First &lt;address&gt;" or bare addresses, separated by ; or ,). Each line is read on its own, with the
    /// separator it uses: a paste may mix lines typed with semicolons and rows copied from a spreadsheet.
    /// </summary>
    public static RosterParseResult ParseTyped(string text)
    {
        var roster = new Roster();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            // Recipients are read before the CSV reader, which would drop their quotes and split "Lahti, Liisa".
            if (RecipientsOn(lines[i]) is { } recipients)
            {
                foreach (var (address, name) in recipients)
                {
                    roster.Add(i + 1, address, name, null);
                }

                continue;
            }

            var options = new CsvReaderOptions { HasHeader = false, TrimWhitespace = true, Separator = SeparatorOf(lines[i]) };
            using var csv = CsvReader.Create(new StringReader(lines[i]), options, leaveOpen: false);
            if (csv.Read())
            {
                roster.Add(i + 1, Field(csv, 0), Field(csv, 1), Field(csv, 2));
            }
        }

        return roster.Result;
    }

    private static RosterParseResult ParseWithHeader(string text)
    {
        var options = new CsvReaderOptions { HasHeader = true, TrimWhitespace = true, TrackLineNumbers = true };
        using var csv = CsvReader.Create(new StringReader(text), options, leaveOpen: false);
        var headers = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Find(string[] names) => headers.FindIndex(names.Contains);
        var columns = new Columns(Find(_emailHeaders), Find(_nameHeaders), Find(_firstNameHeaders), Find(_lastNameHeaders), Find(_organisationHeaders));
        if (columns.Email < 0)
        {
            return new RosterParseResult([], [], new RosterProblem("Cohorts.Error.NoEmailColumn"));
        }

        var roster = new Roster();
        while (csv.Read())
        {
            var fullName = Field(csv, columns.Name)
                ?? (string.Join(' ', new[] { Field(csv, columns.FirstName), Field(csv, columns.LastName) }.OfType<string>()) is { Length: > 0 } joined ? joined : null);
            roster.Add((int)csv.LineNumber, Field(csv, columns.Email), fullName, Field(csv, columns.Organisation));
        }

        return roster.Result;
    }

    /// <summary>The rows and errors of one list, in the order given; an address seen before is a duplicate.</summary>
    private sealed class Roster
    {
        private readonly List<RosterRow> _rows = [];
        private readonly List<RosterError> _errors = [];
        private readonly Dictionary<string, int> _seen = new(StringComparer.OrdinalIgnoreCase);

        public RosterParseResult Result => new(_rows, _errors);

        public void Add(int row, string? address, string? fullName, string? organisation)
        {
            if (address is null && fullName is null)
            {
                return;
            }

            if (Check(address, fullName, organisation, _seen) is { } error)
            {
                _errors.Add(error with { Row = row });
            }
            else
            {
                _seen[address!] = row;
                _rows.Add(new RosterRow(row, address!, fullName, organisation));
            }
        }
    }

    // A line of nothing but recipients is one person per recipient, as a coordinator pasting "liisa@…; pekka@…" or
    // "Liisa Lahti <liisa@…>, …" expects (read as columns, Pekka's address became Liisa's name). A single bare
    // address is an ordinary line; null when any part is not a recipient. Outlook separates recipients with
    // semicolons and leaves the comma in "Virtanen, Ville <ville@…>" unquoted, so a line that does not read as
    // recipients cut at commas is tried cut at semicolons only.
    private static List<(string Address, string? Name)>? RecipientsOn(string line)
    {
        var text = ControlCharacters.Without(line);
        return Recipients(PartsOf(text, commaSeparates: true)) ?? Recipients(PartsOf(text, commaSeparates: false));
    }

    private static List<(string Address, string? Name)>? Recipients(List<string>? parts)
    {
        if (parts is not { Count: > 0 })
        {
            return null;
        }

        var recipients = parts.Select(Recipient).ToList();
        return recipients.All(r => r is not null) && (recipients.Count > 1 || recipients[0]!.Value.Name is not null)
            ? [.. recipients.Select(r => r!.Value)]
            : null;
    }

    // The line cut at each ; (and , when it separates) outside "quotes" and <angle brackets>, in one pass (a pasted
    // line may be megabytes); null when a quote or bracket is left open.
    private static List<string>? PartsOf(string line, bool commaSeparates)
    {
        var parts = new List<string>();
        var (start, quoted, angled) = (0, false, false);
        for (var i = 0; i < line.Length; i++)
        {
            switch (line[i])
            {
                case '"' when !angled: quoted = !quoted; break;
                case '<' when !quoted: angled = true; break;
                case '>' when !quoted: angled = false; break;
                case ';' when !quoted && !angled:
                case ',' when commaSeparates && !quoted && !angled:
                    parts.Add(line[start..i]);
                    start = i + 1;
                    break;
            }
        }

        parts.Add(line[start..]);
        return quoted || angled ? null : [.. parts.Select(p => p.Trim()).Where(p => p.Length > 0)];
    }

    // "liisa@…", "Liisa Lahti <liisa@…>" or "\"Lahti, Liisa\" <liisa@…>". A name holding <, > or @ is not one:
    // "x <a@…> <c@…>" would otherwise import c@… named after a@….
    private static (string Address, string? Name)? Recipient(string part)
    {
        if (IsAddress(part))
        {
            return (part, null);
        }

        var open = part.LastIndexOf('<');
        if (open < 0 || !part.EndsWith('>') || part[(open + 1)..^1].Trim() is not { } address || !IsAddress(address))
        {
            return null;
        }

        var name = part[..open].Trim().Trim('"', '\'').Trim();
        return name.IndexOfAny(['<', '>', '@']) >= 0 ? null : (address, name.Length == 0 ? null : name);
    }

    private static RosterError? Check(string? address, string? fullName, string? organisation, Dictionary<string, int> seen) =>
        address is null || !IsAddress(address) ? new RosterError(0, "Cohorts.Error.NotEmail", address ?? "")
        : address.Length > AccountLimits.EmailLength ? new RosterError(0, "Cohorts.Error.EmailTooLong")
        : !AccountAddress.HasOnlyAllowedCharacters(address) ? new RosterError(0, "Cohorts.Error.EmailCharacters", address)
        : !AccountAddress.HasDotsInPlace(address) ? new RosterError(0, "Cohorts.Error.EmailDots", address)
        : !AccountAddress.HasPartsWithinLimits(address) ? new RosterError(0, "Cohorts.Error.EmailParts", address)
        : seen.TryGetValue(address, out var first) ? new RosterError(0, "Cohorts.Error.Duplicate", address, first)
        // An address where the name or organisation belongs is a column mix-up; imported, it would be someone's name.
        : fullName is not null && IsAddress(fullName) ? new RosterError(0, "Cohorts.Error.NameIsEmail", fullName)
        : fullName?.Length > Data.FieldLengths.Name ? new RosterError(0, "Cohorts.Error.NameTooLong")
        : organisation is not null && IsAddress(organisation) ? new RosterError(0, "Cohorts.Error.OrganisationIsEmail", organisation)
        : organisation?.Length > Data.FieldLengths.Name ? new RosterError(0, "Cohorts.Error.OrganisationTooLong")
        : null;

    // A tab comes only from a spreadsheet paste (the Tab key leaves the field), where a semicolon is part of a cell;
    // otherwise the semicolon (the hint's), then the comma.
    private static char SeparatorOf(string line) =>
        line.Contains('\t', StringComparison.Ordinal) ? '\t' : line.Contains(';', StringComparison.Ordinal) ? ';' : line.Contains(',', StringComparison.Ordinal) ? ',' : ';';

    private static bool IsAddress(string text) => new EmailAddressAttribute().IsValid(text) && !text.Contains(' ', StringComparison.Ordinal);

    // Control characters go as they do from every form field (a NUL byte in a file, "\u0000" in the posted rows).
    private static string? Field(CsvReader csv, int index) =>
        index >= 0 && index < csv.FieldCount && csv.GetString(index) is { } value && ControlCharacters.Without(value) is var text
            && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static string Decode(byte[] bytes)
    {
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return text.TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            // "CSV (comma delimited)" from older Excel is Windows-1252: beyond Latin-1's ä, ö and å it has ’, Š and Ž
            // (0x80–0x9F), which Latin-1 reads as control characters that were then dropped.
            return _windows1252.GetString(bytes);
        }
    }

    private sealed record Columns(int Email, int Name, int FirstName, int LastName, int Organisation);
}
