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

public sealed record RosterParseResult(IReadOnlyList<RosterRow> Rows, IReadOnlyList<RosterError> Errors);

/// <summary>
/// Reads a participant list the way Finnish Excel writes it: UTF-8 with or without BOM (older Excel's
/// Windows-1252 is accepted too), separated by semicolons or commas, with Finnish, Swedish or English headers; a
/// name may come whole or as first and last name columns. A typed line of addresses only (recipients copied from
/// Outlook) is one person per address. Every bad row is reported with its row number; the caller imports nothing
/// until the list is clean.
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

    public static RosterParseResult ParseFile(byte[] bytes) => Parse(Decode(bytes), hasHeader: true);

    /// <summary>
    /// Typed lines: "address", "address; full name; organisation", or a line of recipients as mail programs copy
    /// them ("Name &lt;address&gt;", "\"Last, First\" &lt;address&gt;" or bare addresses, separated by ; or ,).
    /// </summary>
    public static RosterParseResult ParseTyped(string text)
    {
        // Recipient lines are read here, while their quotes are still there: the CSV reader would drop them, and the
        // comma in "Lahti, Liisa" would then split the name. Their lines are left empty so the rest keep their numbers.
        var lines = text.Split('\n');
        var recipientLines = new SortedDictionary<int, List<(string Address, string? Name)>>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (RecipientsOn(lines[i]) is { } recipients)
            {
                recipientLines[i + 1] = recipients;
                lines[i] = "";
            }
        }

        return Parse(string.Join('\n', lines), hasHeader: false, recipientLines);
    }

    private static RosterParseResult Parse(string text, bool hasHeader, SortedDictionary<int, List<(string Address, string? Name)>>? recipientLines = null)
    {
        var options = new CsvReaderOptions { HasHeader = hasHeader, TrimWhitespace = true, TrackLineNumbers = true, Separator = hasHeader ? null : TypedSeparator(text) };
        using var csv = CsvReader.Create(new StringReader(text), options, leaveOpen: false);
        var columns = new Columns(0, 1, -1, -1, 2);
        if (hasHeader)
        {
            var headers = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
            int Find(string[] names) => headers.FindIndex(names.Contains);
            columns = new Columns(Find(_emailHeaders), Find(_nameHeaders), Find(_firstNameHeaders), Find(_lastNameHeaders), Find(_organisationHeaders));
            if (columns.Email < 0)
            {
                return new RosterParseResult([], [new RosterError(1, "Cohorts.Error.NoEmailColumn")]);
            }
        }

        var rows = new List<RosterRow>();
        var errors = new List<RosterError>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        void Add(int row, string? address, string? fullName, string? organisation)
        {
            if (address is null && fullName is null)
            {
                return;
            }

            if (Check(address, fullName, organisation, seen) is { } error)
            {
                errors.Add(error with { Row = row });
            }
            else
            {
                seen[address!] = row;
                rows.Add(new RosterRow(row, address!, fullName, organisation));
            }
        }

        // Recipient lines read before the CSV take their turn by line number, so rows and duplicates keep the order typed.
        void AddRecipientLinesBefore(int line)
        {
            while (recipientLines is { Count: > 0 } && recipientLines.First() is { Key: var row } first && row < line)
            {
                recipientLines.Remove(row);
                foreach (var (address, name) in first.Value)
                {
                    Add(row, address, name, null);
                }
            }
        }

        while (csv.Read())
        {
            var row = (int)csv.LineNumber;
            AddRecipientLinesBefore(row);
            var fullName = Field(csv, columns.Name)
                ?? (string.Join(' ', new[] { Field(csv, columns.FirstName), Field(csv, columns.LastName) }.OfType<string>()) is { Length: > 0 } joined ? joined : null);
            Add(row, Field(csv, columns.Email), fullName, Field(csv, columns.Organisation));
        }

        AddRecipientLinesBefore(int.MaxValue);
        return new RosterParseResult(rows, errors);
    }

    // A line of nothing but recipients is one person per recipient, as a coordinator pasting "liisa@…; pekka@…" or
    // "Liisa Lahti <liisa@…>, …" expects (read as columns, Pekka's address became Liisa's name). A single bare
    // address is an ordinary line; null when any part is not a recipient.
    private static List<(string Address, string? Name)>? RecipientsOn(string line)
    {
        if (PartsOf(ControlCharacters.Without(line)) is not { Count: > 0 } parts)
        {
            return null;
        }

        var recipients = parts.Select(Recipient).ToList();
        return recipients.All(r => r is not null) && (recipients.Count > 1 || recipients[0]!.Value.Name is not null)
            ? [.. recipients.Select(r => r!.Value)]
            : null;
    }

    // The line cut at each ; or , outside "quotes" and <angle brackets>, in one pass (a pasted line may be megabytes);
    // null when a quote or bracket is left open.
    private static List<string>? PartsOf(string line)
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
                case ';' or ',' when !quoted && !angled:
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
        : seen.TryGetValue(address, out var first) ? new RosterError(0, "Cohorts.Error.Duplicate", address, first)
        // An address where the name or organisation belongs is a column mix-up; imported, it would be someone's name.
        : fullName is not null && IsAddress(fullName) ? new RosterError(0, "Cohorts.Error.NameIsEmail", fullName)
        : fullName?.Length > Data.FieldLengths.Name ? new RosterError(0, "Cohorts.Error.NameTooLong")
        : organisation is not null && IsAddress(organisation) ? new RosterError(0, "Cohorts.Error.OrganisationIsEmail", organisation)
        : organisation?.Length > Data.FieldLengths.Name ? new RosterError(0, "Cohorts.Error.OrganisationTooLong")
        : null;

    // Typed lines have no header to detect the separator from, and detection from the first lines read
    // "pia@…" then "ulla@…;Ulla U" as one cell: the separator is the one used anywhere, semicolon first (the hint's).
    private static char TypedSeparator(string text) =>
        text.Contains(';', StringComparison.Ordinal) ? ';' : text.Contains('\t', StringComparison.Ordinal) ? '\t' : text.Contains(',', StringComparison.Ordinal) ? ',' : ';';

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
